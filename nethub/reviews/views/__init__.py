"""Pages of the GCM review cycle: voluntary reviews, forums and reports, pledges, figures and
the network dashboard."""
