"""What the tag suggester reads about each GCM objective beyond its title and short description.

A one-line description gives the embedding model too little to place a text that never names
the objective (a page on consular hotlines, a note on diaspora investment). These sentences,
written for nethub in plain words (no quotation of the Compact), say what each objective covers
and the things texts about it talk of. They are read by `suggest.element_text` only; pages show
the stored titles and descriptions.
"""

OBJECTIVE_SCOPE: dict[str, str] = {
    "1": "Statistics on migrants: censuses, surveys, administrative records and registers, "
    "indicators, figures broken down by sex, age and migration status, national statistical "
    "offices, data sharing and research used to design policy.",
    "2": "Why people leave home: poverty, lack of jobs, conflict, violence, disasters, climate "
    "change and environmental degradation, and development, resilience and livelihoods that "
    "let people stay in their country of origin.",
    "3": "Information for people who plan to migrate, are on the way or have arrived: "
    "websites, information centres, pre-departure orientation, awareness campaigns on the "
    "risks of the journey and on how to migrate legally.",
    "4": "Identity papers: birth registration, passports, identity cards, civil registries, "
    "consular documents, nationality and statelessness, documents lost or confiscated.",
    "5": "Legal ways to move: visas, work permits, labour mobility schemes, family "
    "reunification, study, humanitarian admission, regularisation, and staying when a "
    "disaster strikes the home country.",
    "6": "Work abroad: recruitment agencies and fees, contracts, wages, working conditions, "
    "labour inspection, domestic and seasonal workers, forced labour, labour rights and "
    "bilateral labour agreements.",
    "7": "Migrants in situations of vulnerability: unaccompanied children, victims of abuse and "
    "violence, people stranded in crises, case management, protection and assistance to "
    "those most at risk, and laws that make migrants vulnerable.",
    "8": "Deaths and disappearances on migration routes: search and rescue at sea and in the "
    "desert, identifying the dead, families searching for missing relatives.",
    "9": "Smugglers who move people across borders for money: prosecuting smuggling networks, "
    "protecting smuggled migrants, the smuggling protocol.",
    "10": "Human trafficking: traffickers, exploitation, forced prostitution and labour, "
    "identifying and protecting victims, shelters, prosecution of trafficking networks.",
    "11": "Border management: border guards, border crossing points, entry checks, "
    "integrated and coordinated border control, pre-arrival screening.",
    "12": "Procedures on arrival: screening, individual assessment, identification of needs, "
    "referral to asylum or child protection, due process and predictable procedures.",
    "13": "Immigration detention: detention centres, deprivation of liberty, children in "
    "detention, alternatives such as case management and community placement.",
    "14": "Consulates and embassies: consular protection and assistance to nationals abroad, "
    "hotlines, consular registration, help in emergencies.",
    "15": "Basic services for migrants: health care, schooling, housing, justice, social "
    "services, firewalls between service providers and immigration enforcement.",
    "16": "Integration and social cohesion: language courses, orientation, participation in "
    "community life, host communities, local authorities, cities welcoming newcomers.",
    "17": "Discrimination, racism and xenophobia, hate speech, media and public narratives on "
    "migration, perceptions and awareness of migrants' contributions.",
    "18": "Skills: vocational training, education, recognition of diplomas and qualifications, "
    "skills partnerships, matching skills with labour market needs, deskilling.",
    "19": "Diasporas and migrants contributing to development: diaspora engagement, "
    "investment, knowledge transfer, philanthropy, entrepreneurship back home.",
    "20": "Money sent home: remittance transfer costs, transfer operators, mobile money, bank "
    "accounts, financial inclusion and literacy of migrants and their families.",
    "21": "Return and reintegration: voluntary and forced return, readmission, deportation, "
    "non-refoulement, reintegration support after return to the country of origin.",
    "22": "Social protection across borders: pensions, social security agreements, "
    "portability of benefits and contributions, health insurance for migrant workers.",
    "23": "Cooperation between States on migration itself: bilateral and regional "
    "agreements, regional consultative processes, partnerships between countries of origin, "
    "transit and destination, solidarity and shared responsibility among States.",
}
