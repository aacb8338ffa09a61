# ruff: noqa: RUF001, RUF002 - Turkish names have a dotless i
"""People of the generated network: names by the part of the world a city is in, the jobs
practitioners of a municipality have, and the addresses they log in with (under the
reserved `.example` top-level domain: no mail can ever reach anyone)."""

import unicodedata

from django.utils.text import slugify

# (first names, last names) per places.Country.people.
NAME_POOLS = {
    "nordic": (
        "Anna Lars Maja Mikkel Sofie Jonas Ida Emil Freja Anders Ingrid Ole Karin Henrik Sara "
        "Magnus Liv Erik Mette Jens Aisha Omar",
        "Jensen Nielsen Hansen Pedersen Andersen Larsen Johansson Karlsson Nilsson Eriksson "
        "Olsen Berg Haugen Lindqvist Virtanen Korhonen Mäkinen Dahl Lund Holm",
    ),
    "german": (
        "Anna Lukas Lea Jonas Sophie Felix Marie Paul Laura Jan Katharina Tobias Julia Stefan "
        "Sabine Michael Andrea Thomas Claudia Matthias Emre Ayşe",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch "
        "Richter Klein Wolf Schröder Neumann Braun Zimmermann Keller Huber Yılmaz",
    ),
    "dutch": (
        "Daan Emma Sem Julia Lucas Sanne Thijs Anouk Bram Lotte Pieter Femke Joost Eva Ruben "
        "Inge Koen Marieke Wouter Fleur Mohamed Fatima",
        "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssens Visser Smit Meijer "
        "Peeters Maes Mulder de_Boer Willems Dekker Claes Goossens Vermeulen Hendriks El_Amrani",
    ),
    "french": (
        "Camille Louis Chloé Hugo Léa Thomas Manon Julien Claire Nicolas Sophie Antoine "
        "Élodie Mathieu Aurélie Olivier Isabelle Pierre Nathalie Karim Samira Jean-Baptiste",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefebvre Michel Garcia Fontaine Rousseau Mercier Blanc Girard Benali Pierre-Louis",
    ),
    "italian": (
        "Giulia Marco Francesca Luca Chiara Alessandro Sara Matteo Valentina Andrea Elena "
        "Davide Federica Paolo Silvia Giovanni Martina Stefano Laura Simone",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
        "Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti",
    ),
    "spanish": (
        "María José Lucía Carlos Ana Juan Sofía Luis Valentina Diego Camila Andrés Isabel "
        "Javier Daniela Miguel Paula Alejandro Carmen Santiago",
        "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín "
        "Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Torres Vargas Castro Rojas Quispe",
    ),
    "english": (
        "James Emily Michael Sarah David Jessica Daniel Laura Christopher Rachel Matthew "
        "Hannah Andrew Olivia Joshua Megan Ryan Aisha Kevin Grace Marcus Priya",
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thomas Moore "
        "Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Patel Khan Nguyen",
    ),
    "turkish": (
        "Ayşe Mehmet Fatma Mustafa Zeynep Ahmet Elif Emre Merve Can Esra Burak Selin Murat "
        "Deniz Hakan Gül Serkan Ebru Onur",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "
        "Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek",
    ),
    "albanian": (
        "Arben Blerta Besnik Drita Gentian Elira Fatos Mimoza Ilir Valbona Kreshnik Arta Luan "
        "Vjosa Dritan Teuta Agron Liridona Burim Jeta",
        "Hoxha Krasniqi Berisha Gashi Shala Morina Kelmendi Hasani Bytyqi Rexhepi Leka "
        "Dervishi Kastrati Shehu Çela Xhafa Basha Murati Zeqiri Ahmeti",
    ),
    "slavic": (
        "Amra Emir Jelena Marko Ana Nikola Selma Adnan Milica Stefan Lejla Haris Ivana Dragan "
        "Sanja Nemanja Aida Goran Marija Dejan",
        "Hodžić Petrović Jovanović Hadžić Nikolić Kovačević Begović Popović Marković Delić "
        "Mehmedović Stojanović Ilić Husić Đorđević Trajkovski Stojanovski Nikolovski "
        "Dimitrovska Bajramović",
    ),
    "arabic": (
        "Ahmad Layla Omar Rania Khaled Nour Youssef Hala Samir Lina Karim Maya Tarek Reem "
        "Hassan Dina Fadi Salma Walid Yasmine",
        "Haddad Khoury Nasser Saleh Mansour Hamdan Awad Fares Khalil Ben_Ali Trabelsi Jaziri "
        "Gharbi Abdallah Al-Masri Barakat Chaabane Ould_Ahmed Mahmoud Darwish",
    ),
    "west_african": (
        "Aminata Moussa Fatou Ibrahima Aïcha Mamadou Ngozi Chinedu Adaeze Emeka Halima "
        "Abdoulaye Mariama Oumar Funmilayo Tunde Hauwa Jean-Pierre Clarisse Boubacar",
        "Diop Ndiaye Fall Sow Ba Diallo Ousmane Issoufou Mahamadou Okafor Adeyemi Okonkwo "
        "Abubakar Musa Eze Mbarga Fotso Ngono Abba Oumarou",
    ),
    "east_african": (
        "Wanjiru Otieno Achieng Kamau Amina Juma Zawadi Baraka Neema Mwangi Grace Hassan "
        "Faith Kiprono Rehema Omondi Halima Said Joyce Daudi",
        "Mwangi Otieno Odhiambo Kamau Wanjiku Kariuki Mohamed Omar Njoroge Mutua Kiprop Chebet "
        "Mollel Massawe Mushi Swai Komba Salim Abdallah Ndege",
    ),
    "south_asian": (
        "Aarav Priya Rahul Ananya Imran Ayesha Farhan Nadia Arjun Sana Rohan Fatima Vikram "
        "Nasreen Kamal Shreya Tanvir Zainab Ibrahim Aminath",
        "Sharma Patel Singh Kumar Gupta Khan Ahmed Hussain Malik Chaudhry Qureshi Rahman "
        "Islam Hossain Chowdhury Das Iyer Nair Reddy Rasheed",
    ),
}
NAMES = {
    pool: (first.split(), [name.replace("_", " ") for name in last.split()])
    for pool, (first, last) in NAME_POOLS.items()
}

POSITIONS = {
    "en": ("Prevention coordinator", "Youth worker", "Social worker", "Policy adviser",
           "Community police officer", "School counsellor", "Psychologist",
           "Head of social services", "Deputy mayor", "Community liaison officer",
           "Programme manager", "Researcher", "Communications officer",
           "Safeguarding lead", "Integration officer"),
    "fr": ("Coordinatrice prévention", "Éducateur spécialisé", "Travailleuse sociale",
           "Chargé de mission prévention", "Médiateur social", "Psychologue",
           "Directrice des solidarités", "Adjoint au maire", "Chef de projet politique de la ville",
           "Conseillère principale d'éducation", "Chargée de communication"),
    "ar": ("منسق برامج الوقاية", "أخصائي اجتماعي", "مستشار سياسات", "منسقة شؤون الشباب",
           "أخصائية نفسية", "ضابط شرطة مجتمعية", "مدير الخدمات الاجتماعية", "باحثة"),
}  # fmt: skip
ORGANISATIONS = {
    "en": ("Municipality of {city}", "City of {city}", "{city} Youth Services",
           "{city} Police", "{city} Social Services", "{city} Prevention Network",
           "{city} Education Department"),
    "fr": ("Ville de {city}", "Mairie de {city}", "Commune de {city}",
           "Service jeunesse de {city}", "Police municipale de {city}"),
    "ar": ("بلدية {city}", "مركز الشباب في {city}", "مديرية الشؤون الاجتماعية في {city}"),
}  # fmt: skip
ACCESS_REASONS = {
    "en": "I coordinate our city's prevention work and would like to learn from other cities.",
    "fr": "Je coordonne la prévention dans ma ville et souhaite échanger avec d'autres villes.",
    "ar": "أعمل في برامج الوقاية في مدينتي وأرغب في التعلم من تجارب المدن الأخرى.",
}
MORE_INFORMATION_REASON = "Please tell us which department you work for."
REJECTION_REASON = "We could not confirm that you work for the municipality."


def email_local_part(first: str, last: str) -> str:
    """ "Ayşe Yılmaz" -> "ayse.yilmaz": what a municipal address would look like."""

    def ascii_word(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return slugify(plain).replace("-", "") or "x"

    return f"{ascii_word(first)}.{ascii_word(last)}"
