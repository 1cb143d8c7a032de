"""Date formats per language where Django's own do not suit the site (FORMAT_MODULE_PATH).
French and Spanish use Django's ("5 mai 2021", "5 de mayo de 2021")."""
