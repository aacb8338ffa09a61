# ruff: noqa: RUF001 - Turkish place names have a dotless i
"""The countries of the network's reference cities, and real towns in them for the
generated member cities.

Generated cities are real towns and municipalities of the countries the reference member
list already has (so each falls in the region the reference data gives its country), placed
on the map near a reference city of their country. Each country says which names its people
have (people.NAME_POOLS), the language its members mostly write in (en, fr or ar: the
hub's content languages), the languages spoken there and a time zone for its events.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    people: str  # a key of people.NAME_POOLS
    language: str  # the language profiles and modules of the country's members are in
    spoken: str  # CityProfile.languages
    time_zone: str
    spread: float = 1.0  # degrees around a reference city where its towns lie


COUNTRIES = {
    "DK": Country("nordic", "en", "Danish, English", "Europe/Copenhagen", 0.6),
    "NO": Country("nordic", "en", "Norwegian, English", "Europe/Oslo"),
    "SE": Country("nordic", "en", "Swedish, English", "Europe/Stockholm"),
    "FI": Country("nordic", "en", "Finnish, Swedish", "Europe/Helsinki"),
    "DE": Country("german", "en", "German", "Europe/Berlin"),
    "CH": Country("german", "en", "German, French, Italian", "Europe/Zurich", 0.5),
    "NL": Country("dutch", "en", "Dutch, English", "Europe/Amsterdam", 0.5),
    "BE": Country("dutch", "fr", "Dutch, French, German", "Europe/Brussels", 0.5),
    "FR": Country("french", "fr", "French", "Europe/Paris"),
    "IT": Country("italian", "en", "Italian", "Europe/Rome"),
    "ES": Country("spanish", "en", "Spanish, Catalan", "Europe/Madrid"),
    "GB": Country("english", "en", "English", "Europe/London", 1.0),
    "TR": Country("turkish", "en", "Turkish, Kurdish", "Europe/Istanbul"),
    "AL": Country("albanian", "en", "Albanian", "Europe/Tirane", 0.5),
    "XK": Country("albanian", "en", "Albanian, Serbian", "Europe/Belgrade", 0.3),
    "BA": Country("slavic", "en", "Bosnian, Croatian, Serbian", "Europe/Sarajevo", 0.6),
    "ME": Country("slavic", "en", "Montenegrin, Albanian", "Europe/Podgorica", 0.3),
    "MK": Country("slavic", "en", "Macedonian, Albanian", "Europe/Skopje", 0.4),
    "RS": Country("slavic", "en", "Serbian, Albanian", "Europe/Belgrade", 0.7),
    "LB": Country("arabic", "ar", "Arabic, French, English", "Asia/Beirut", 0.3),
    "JO": Country("arabic", "ar", "Arabic, English", "Asia/Amman", 0.6),
    "TN": Country("arabic", "fr", "Arabic, French", "Africa/Tunis", 0.8),
    "MR": Country("arabic", "fr", "Arabic, French, Pulaar", "Africa/Nouakchott"),
    "SN": Country("west_african", "fr", "French, Wolof, Pulaar", "Africa/Dakar", 1.0),
    "NE": Country("west_african", "fr", "French, Hausa, Zarma", "Africa/Niamey"),
    "NG": Country("west_african", "en", "English, Hausa, Yoruba, Igbo", "Africa/Lagos"),
    "CM": Country("west_african", "fr", "French, English, Fulfulde", "Africa/Douala"),
    "KE": Country("east_african", "en", "English, Swahili", "Africa/Nairobi"),
    "TZ": Country("east_african", "en", "Swahili, English", "Africa/Dar_es_Salaam"),
    "IN": Country("south_asian", "en", "Hindi, English", "Asia/Kolkata"),
    "PK": Country("south_asian", "en", "Urdu, English, Pashto", "Asia/Karachi"),
    "BD": Country("south_asian", "en", "Bengali, English", "Asia/Dhaka", 1.0),
    "MV": Country("south_asian", "en", "Dhivehi, English", "Indian/Maldives", 0.8),
    "US": Country("english", "en", "English, Spanish", "America/New_York"),
    "CA": Country("english", "en", "English, French", "America/Toronto"),
    "CO": Country("spanish", "en", "Spanish", "America/Bogota"),
    "PE": Country("spanish", "en", "Spanish, Quechua", "America/Lima"),
    "EC": Country("spanish", "en", "Spanish, Kichwa", "America/Guayaquil"),
    "AR": Country("spanish", "en", "Spanish", "America/Argentina/Buenos_Aires"),
    "HT": Country("french", "fr", "Haitian Creole, French", "America/Port-au-Prince", 0.6),
    "TT": Country("english", "en", "English", "America/Port_of_Spain", 0.3),
    "AU": Country("english", "en", "English", "Australia/Sydney"),
}
DEFAULT_COUNTRY = Country("english", "en", "English", "UTC")

# Real towns and municipalities, by country. Those already in the reference list are
# skipped when the cities are generated.
_TOWNS = {
    "DK": "Odense, Aalborg, Esbjerg, Randers, Kolding, Horsens, Vejle, Roskilde, Herning, "
    "Hørsholm, Helsingør, Silkeborg, Næstved, Fredericia, Køge, Holstebro, Taastrup, Slagelse, "
    "Hillerød, Sønderborg, Svendborg, Hjørring, Holbæk, Frederikshavn, Ringsted, Haderslev, "
    "Skive, Kalundborg, Ballerup, Rødovre, Albertslund, Ishøj, Brøndby, Gladsaxe, Hvidovre, "
    "Glostrup, Frederiksberg, Tårnby, Vallensbæk, Høje-Taastrup, Lyngby-Taarbæk, Greve",
    "NO": "Bergen, Trondheim, Stavanger, Drammen, Fredrikstad, Sandnes, Tromsø, Sarpsborg, "
    "Skien, Ålesund, Sandefjord, Haugesund, Tønsberg, Moss, Porsgrunn, Bodø, Arendal, Hamar, "
    "Larvik, Halden, Lillehammer, Harstad, Molde, Kongsberg, Gjøvik, Horten, Mandal, Askøy, "
    "Kristiansund, Lillestrøm, Bærum, Asker, Lørenskog, Elverum, Grimstad, Steinkjer, Narvik, "
    "Alta, Ringerike, Kongsvinger, Eigersund, Levanger",
    "SE": "Alingsås, Borlänge, Borås, Falun, Gävle, Göteborg, Halmstad, Helsingborg, Jönköping, "
    "Kalmar, Karlskoga, Karlskrona, Karlstad, Kristianstad, Landskrona, Lidingö, Linköping, "
    "Luleå, Lund, Motala, Mölndal, Norrköping, Nyköping, Piteå, Sandviken, Skellefteå, Skövde, "
    "Sundsvall, Södertälje, Trelleborg, Trollhättan, Uddevalla, Umeå, Uppsala, Varberg, "
    "Västerås, Växjö, Örebro, Örnsköldsvik, Östersund, Botkyrka, Huddinge, Järfälla, Solna",
    "FI": "Espoo, Tampere, Vantaa, Turku, Oulu, Lahti, Kuopio, Jyväskylä, Pori, Joensuu, "
    "Lappeenranta, Hämeenlinna, Vaasa, Seinäjoki, Rovaniemi, Mikkeli, Kotka, Salo, Porvoo, "
    "Kokkola, Hyvinkää, Lohja, Järvenpää, Rauma, Kajaani, Kerava, Nurmijärvi, Tuusula, "
    "Kirkkonummi, Kouvola, Iisalmi, Tornio, Heinola, Hollola, Sipoo",
    "DE": "Hamburg, München, Köln, Frankfurt am Main, Stuttgart, Düsseldorf, Leipzig, "
    "Dortmund, Essen, Bremen, Hannover, Nürnberg, Duisburg, Bochum, Wuppertal, Bielefeld, "
    "Bonn, Münster, Mannheim, Karlsruhe, Wiesbaden, Gelsenkirchen, Mönchengladbach, "
    "Braunschweig, Kiel, Chemnitz, Aachen, Halle (Saale), Magdeburg, Freiburg im Breisgau, "
    "Krefeld, Mainz, Lübeck, Erfurt, Oberhausen, Rostock, Kassel, Hagen, Potsdam, "
    "Saarbrücken, Hamm, Ludwigshafen am Rhein, Oldenburg, Mülheim an der Ruhr, Osnabrück, "
    "Leverkusen, Darmstadt, Heidelberg, Solingen, Herne, Neuss, Regensburg, Paderborn, "
    "Ingolstadt, Offenbach am Main, Würzburg, Fürth, Ulm, Heilbronn, Pforzheim, Wolfsburg, "
    "Göttingen, Bottrop, Reutlingen, Koblenz, Recklinghausen, Bremerhaven, Jena, Remscheid, "
    "Erlangen, Moers, Siegen, Hildesheim, Salzgitter, Cottbus, Kaiserslautern, Gütersloh, "
    "Schwerin, Witten, Gera, Iserlohn, Zwickau, Düren, Ratingen, Flensburg, Hanau, Marl, "
    "Dessau, Gotha, Herford, Rosenheim, Ravensburg, Wismar, Dachau, Erding, Bruchsal, "
    "Rastatt, Tuttlingen, Göppingen, Neubrandenburg, Stade, Peine, Pirmasens, Aschaffenburg",
    "CH": "Zürich, Genève, Basel, Lausanne, Winterthur, Luzern, St. Gallen, Lugano, Biel, "
    "Thun, Köniz, La Chaux-de-Fonds, Fribourg, Schaffhausen, Chur, Vernier, Neuchâtel, Uster, "
    "Sion, Lancy, Emmen, Kriens, Yverdon-les-Bains, Zug, Dübendorf, Montreux, Renens, Vevey, "
    "Kreuzlingen, Liestal, Riehen, Monthey",
    "NL": "Amsterdam, Eindhoven, Groningen, Tilburg, Almere, Breda, Nijmegen, Apeldoorn, "
    "Haarlem, Arnhem, Enschede, Amersfoort, Zaanstad, Haarlemmermeer, 's-Hertogenbosch, "
    "Zwolle, Zoetermeer, Leiden, Maastricht, Dordrecht, Ede, Alphen aan den Rijn, Westland, "
    "Alkmaar, Emmen, Delft, Venlo, Deventer, Sittard-Geleen, Helmond, Oss, Amstelveen, "
    "Hilversum, Heerlen, Nissewaard, Purmerend, Schiedam, Lelystad, Leeuwarden, Roosendaal, "
    "Vlaardingen, Gouda, Hoorn, Almelo, Capelle aan den IJssel, Veenendaal, Zeist, "
    "Bergen op Zoom, Katwijk, Den Helder, Diemen",
    "BE": "Brussels, Gent, Charleroi, Liège, Brugge, Namur, Leuven, Mons, Aalst, Mechelen, "
    "La Louvière, Kortrijk, Hasselt, Sint-Niklaas, Oostende, Tournai, Genk, Seraing, "
    "Roeselare, Verviers, Mouscron, Beveren, Dendermonde, Beringen, Turnhout, Dilbeek, "
    "Sint-Truiden, Lokeren, Herstal, Maasmechelen, Waregem, Geel, Ninove, Halle, "
    "Braine-l'Alleud, Lier, Châtelet, Ottignies-Louvain-la-Neuve, Wavre, "
    "Molenbeek-Saint-Jean, Schaerbeek, Anderlecht, Ixelles, Forest, Verviers",
    "FR": "Lyon, Marseille, Toulouse, Nice, Nantes, Strasbourg, Montpellier, Lille, Rennes, "
    "Reims, Le Havre, Saint-Étienne, Toulon, Grenoble, Dijon, Angers, Nîmes, Villeurbanne, "
    "Clermont-Ferrand, Le Mans, Aix-en-Provence, Brest, Tours, Amiens, Limoges, Annecy, "
    "Perpignan, Boulogne-Billancourt, Metz, Besançon, Orléans, Saint-Denis, Argenteuil, "
    "Rouen, Mulhouse, Caen, Nancy, Roubaix, Tourcoing, Nanterre, Vitry-sur-Seine, Avignon, "
    "Créteil, Poitiers, Aubervilliers, Colombes, Dunkerque, Aulnay-sous-Bois, Versailles, "
    "Courbevoie, Rueil-Malmaison, Béziers, La Rochelle, Pau, Champigny-sur-Marne, Antibes, "
    "Cannes, Calais, Drancy, Mérignac, Ajaccio, Saint-Nazaire, Colmar, Noisy-le-Grand, "
    "Évry-Courcouronnes, Vénissieux, Cergy, Valence, Bourges, Pessac, Ivry-sur-Seine, "
    "Quimper, Antony, Villeneuve-d'Ascq, Clichy, Troyes, Montauban, Pantin, Chambéry, Niort, "
    "Sartrouville, Lorient, Le Blanc-Mesnil, Beauvais, Saint-Quentin, Vaulx-en-Velin, "
    "Épinay-sur-Seine, Garges-lès-Gonesse, Bobigny, Grigny, Trappes, Mantes-la-Jolie",
    "IT": "Roma, Milano, Napoli, Torino, Genova, Bologna, Firenze, Bari, Catania, Venezia, "
    "Verona, Messina, Padova, Trieste, Brescia, Parma, Taranto, Prato, Modena, "
    "Reggio Calabria, Reggio Emilia, Perugia, Ravenna, Livorno, Cagliari, Foggia, Rimini, "
    "Salerno, Ferrara, Sassari, Latina, Giugliano in Campania, Monza, Siracusa, Pescara, "
    "Bergamo, Forlì, Trento, Vicenza, Terni, Bolzano, Novara, Piacenza, Ancona, Andria, "
    "Arezzo, Udine, Cesena, Lecce, Pesaro, La Spezia, Alessandria, Barletta, Catanzaro, "
    "Pistoia, Brindisi, Pisa, Torre del Greco, Como, Lucca, Treviso, Marsala, Varese, "
    "Sesto San Giovanni, Pozzuoli, Caserta, Asti, Cremona, Lamezia Terme",
    "ES": "Madrid, Barcelona, Valencia, Sevilla, Zaragoza, Murcia, Palma, "
    "Las Palmas de Gran Canaria, Bilbao, Alicante, Córdoba, Valladolid, Vigo, Gijón, "
    "L'Hospitalet de Llobregat, Vitoria-Gasteiz, A Coruña, Elche, Granada, Terrassa, "
    "Badalona, Oviedo, Cartagena, Sabadell, Jerez de la Frontera, Móstoles, "
    "Santa Cruz de Tenerife, Pamplona, Almería, Alcalá de Henares, Leganés, San Sebastián, "
    "Getafe, Burgos, Albacete, Santander, Castellón de la Plana, Alcorcón, Logroño, Badajoz, "
    "Salamanca, Huelva, Marbella, Lleida, Tarragona, Ceuta, Melilla, Mataró, Algeciras, Girona",
    "GB": "Manchester, Leeds, Glasgow, Sheffield, Bradford, Liverpool, Edinburgh, Bristol, "
    "Cardiff, Leicester, Coventry, Nottingham, Newcastle upon Tyne, Belfast, Brighton and Hove, "
    "Kingston upon Hull, Plymouth, Stoke-on-Trent, Wolverhampton, Derby, Swansea, Southampton, "
    "Salford, Aberdeen, Portsmouth, York, Peterborough, Dundee, Lancaster, Oxford, Newport, "
    "Preston, St Albans, Norwich, Chester, Cambridge, Exeter, Gloucester, Wakefield, "
    "Sunderland, Blackburn, Bolton, Oldham, Rochdale, Burnley, Slough, Reading, Milton Keynes, "
    "Middlesbrough, Huddersfield, Walsall, Dudley, Blackpool, Ipswich, Tower Hamlets, Newham, "
    "Waltham Forest, Haringey, Lambeth, Southwark, Hackney, Kirklees, Calderdale",
    "TR": "İstanbul, Ankara, İzmir, Bursa, Adana, Gaziantep, Konya, Mersin, Kayseri, "
    "Eskişehir, Diyarbakır, Samsun, Denizli, Şanlıurfa, Adapazarı, Malatya, Kahramanmaraş, "
    "Erzurum, Van, Batman, Elazığ, İzmit, Manisa, Sivas, Gebze, Balıkesir, Tarsus, Kütahya, "
    "Trabzon, Çorum, Çorlu, Adıyaman, Osmaniye, Kırıkkale, Antakya, Aydın, İskenderun, Uşak, "
    "Aksaray, Afyonkarahisar, Isparta, Edirne, Tekirdağ, Kilis, Mardin",
    "AL": "Durrës, Vlorë, Shkodër, Fier, Korçë, Berat, Lushnjë, Kavajë, Pogradec, Laç, Kukës, "
    "Lezhë, Gjirokastër, Patos, Krujë, Kuçovë, Sarandë, Peshkopi, Burrel, Çorovodë, Shijak, "
    "Tepelenë, Gramsh, Poliçan, Përmet, Fushë-Krujë, Kamëz, Vorë, Rrogozhinë, Ballsh, "
    "Mamurras, Bajram Curri, Përrenjas, Delvinë, Divjakë, Pukë, Himarë",
    "XK": "Podujeva, Suhareka, Rahovec, Drenas, Lipjan, Malisheva, Kamenica, Deçan, Istog, "
    "Klina, Skenderaj, Dragash, Fushë Kosova, Shtime, Obiliq, Novobërdë, Shtërpcë, Junik, "
    "Mamusha, Zubin Potok, Leposaviq, Partesh, Ranillug, Kllokot, Mitrovica North",
    "BA": "Sarajevo, Banja Luka, Zenica, Mostar, Brčko, Trebinje, Cazin, Velika Kladuša, "
    "Visoko, Zvornik, Gračanica, Gradačac, Bugojno, Sanski Most, Lukavac, Živinice, Kakanj, "
    "Travnik, Goražde, Konjic, Gradiška, Derventa, Kalesija, Tešanj, Maglaj, Zavidovići, "
    "Jajce, Livno, Široki Brijeg, Čapljina, Stolac, Foča, Srebrenica, Bosanska Krupa, "
    "Novi Travnik, Vitez, Mrkonjić Grad, Modriča, Olovo, Vareš, Žepče, Kiseljak, Ilidža, "
    "Novi Grad Sarajevo",
    "ME": "Podgorica, Nikšić, Pljevlja, Bijelo Polje, Cetinje, Herceg Novi, Budva, Kotor, "
    "Tivat, Danilovgrad, Kolašin, Mojkovac, Plav, Andrijevica, Šavnik, Žabljak, Plužine, "
    "Petnjica, Tuzi, Zeta",
    "MK": "Skopje, Bitola, Prilep, Veles, Štip, Strumica, Kavadarci, Kočani, Gevgelija, Debar, "
    "Kriva Palanka, Sveti Nikole, Negotino, Radoviš, Delčevo, Vinica, Resen, Probištip, "
    "Berovo, Kratovo, Makedonski Brod, Demir Hisar, Valandovo, Kruševo, Bogdanci, Dojran, "
    "Saraj, Butel, Gazi Baba, Karpoš, Kisela Voda, Aerodrom, Gjorče Petrov, Šuto Orizari, "
    "Lipkovo, Tearce, Želino, Bogovinje, Vrapčište, Jegunovce, Brvenica, Studeničani, "
    "Petrovec, Ilinden, Centar Župa, Plasnica, Dolneni, Krivogaštani",
    "RS": "Belgrade, Novi Sad, Niš, Kragujevac, Subotica, Zrenjanin, Pančevo, Čačak, Kraljevo, "
    "Smederevo, Leskovac, Valjevo, Kruševac, Vranje, Šabac, Užice, Sombor, Požarevac, Pirot, "
    "Zaječar, Kikinda, Sremska Mitrovica, Jagodina, Vršac, Bor, Prokuplje, Loznica, Ćuprija, "
    "Aranđelovac, Negotin, Sjenica, Prijepolje, Priboj, Nova Varoš, Raška, Medveđa, Bojnik, "
    "Lebane, Vladičin Han, Surdulica, Trgovište, Bosilegrad, Dimitrovgrad, Knjaževac, "
    "Paraćin, Obrenovac, Inđija, Ruma, Bačka Palanka, Senta",
    "LB": "Tyre, Zahle, Jounieh, Baalbek, Byblos, Nabatieh, Batroun, Aley, Baabda, Bint Jbeil, "
    "Marjayoun, Hermel, Halba, Zgharta, Bsharri, Chtaura, Jezzine, Hasbaya, Rashaya, Minieh, "
    "Amioun, Bikfaya, Broummana, Damour, Dekwaneh, Jdeideh, Bourj Hammoud, Chiyah, Ghobeiry, "
    "Bar Elias, Qab Elias, Anjar, Arsal, Labweh, Qaa, Ras Baalbek, Mashghara, Joub Jannine, "
    "Sohmor, Khiam, Naqoura, Qana, Sarafand, Ghazieh, Chekka, Enfeh, Qalamoun, Beddawi, "
    "Mina, Ehden, Deir al-Qamar, Barja, Chhim, Ketermaya",
    "JO": "Amman, Aqaba, Madaba, Mafraq, Jerash, Ajloun, Salt, Ma'an, Tafilah, Ramtha, "
    "Russeifa, Sahab, Wadi al-Seer, Ain al-Basha, Deir Alla, Fuheis, Kufranjah, Mu'tah, "
    "Shobak, Azraq, Ruwaished, Wadi Musa, Al-Hashimiyya, Dhlail, Naour, Jiza, Marka, "
    "Quweismeh, Hallabat, Husn, Bani Kinanah, Taibeh, Mazar al-Shamali, Sarih, Sweileh",
    "TN": "Sfax, Sousse, Kairouan, Bizerte, Gabès, Ariana, Gafsa, Monastir, Ben Arous, "
    "Kasserine, Médenine, Nabeul, Tataouine, Béja, Le Kef, Mahdia, Sidi Bouzid, Jendouba, "
    "Tozeur, Siliana, Kébili, Zaghouan, Manouba, La Marsa, Le Bardo, Hammam-Lif, Hammamet, "
    "Houmt Souk, Zarzis, Msaken, Kalâa Kebira, Ksar Hellal, Moknine, El Jem, Métlaoui, "
    "Redeyef, Douz, Nefta, Ben Gardane, Menzel Bourguiba, Mateur, Tabarka, Aïn Draham, Thala, "
    "Fériana, Sbeitla, Korba, Kélibia, La Goulette, Carthage, Ettadhamen, Oued Ellil, Radès",
    "MR": "Nouakchott, Nouadhibou, Rosso, Kaédi, Zouérat, Atar, Sélibaby, Aleg, Boutilimit, "
    "Néma, Ayoun el Atrous, Tidjikja, Akjoujt, Tintane, Bassikounou, Boghé, Guérou, "
    "Chinguetti, Kankossa, M'Bout",
    "SN": "Thiès, Touba, Kaolack, Saint-Louis, Ziguinchor, Mbour, Rufisque, Diourbel, Louga, "
    "Tambacounda, Kolda, Richard-Toll, Pikine, Guédiawaye, Mbacké, Tivaouane, Joal-Fadiouth, "
    "Kaffrine, Fatick, Sédhiou, Kédougou, Matam, Bignona, Dagana, Podor, Vélingara, Bambey, "
    "Linguère, Nioro du Rip, Kébémer, Sokone, Bakel, Ourossogui, Diamniadio, Keur Massar",
    "NE": "Niamey, Zinder, Maradi, Agadez, Tahoua, Dosso, Tillabéri, Arlit, Birni-N'Konni, "
    "Gaya, Tessaoua, Dogondoutchi, Madaoua, Mirriah, Tanout, Magaria, Illéla, Bouza, "
    "Mainé-Soroa, N'Guigmi, Bosso, Téra, Ayorou, Filingué, Ouallam, Say, Kollo, Abalak, "
    "Dakoro, Guidan Roumdji",
    "NG": "Lagos, Abuja, Ibadan, Port Harcourt, Benin City, Maiduguri, Zaria, Aba, Jos, "
    "Ilorin, Oyo, Enugu, Abeokuta, Onitsha, Warri, Sokoto, Calabar, Katsina, Akure, Bauchi, "
    "Makurdi, Minna, Ilesa, Owo, Umuahia, Ondo, Damaturu, Ikot Ekpene, Iwo, Gombe, Yola, "
    "Potiskum, Gusau, Kafanchan, Lafia, Lokoja, Birnin Kebbi, Dutse, Jalingo, Owerri, Uyo, "
    "Asaba, Awka, Abakaliki, Yenagoa, Osogbo, Ado Ekiti, Ogbomosho, Bida, Gashua, Nguru, Biu, "
    "Bama, Dikwa, Monguno, Gwoza, Mubi",
    "CM": "Douala, Garoua, Bamenda, Maroua, Bafoussam, Ngaoundéré, Bertoua, Loum, Kumba, "
    "Nkongsamba, Mbouda, Dschang, Foumban, Ebolowa, Kribi, Limbe, Buea, Edéa, Kumbo, Tiko, "
    "Bafang, Mbalmayo, Sangmélima, Meiganga, Batouri, Yagoua, Guider, Mora, Kaélé, Tignère, "
    "Banyo, Wum, Nkambé, Mamfe, Bafia, Obala, Abong-Mbang, Garoua-Boulaï, Touboro, Waza, "
    "Makary, Fotokol, Pitoa",
    "KE": "Nairobi, Kisumu, Nakuru, Eldoret, Ruiru, Kikuyu, Thika, Malindi, Kitale, Garissa, "
    "Kakamega, Nyeri, Machakos, Meru, Lamu, Kilifi, Kwale, Ukunda, Wajir, Mandera, Marsabit, "
    "Isiolo, Naivasha, Kericho, Bungoma, Busia, Homa Bay, Migori, Kisii, Embu, Nanyuki, Voi, "
    "Narok, Kajiado, Kitui, Lodwar, Moyale, Mumias, Webuye, Bomet, Siaya, Kapsabet, Iten, "
    "Nyahururu, Murang'a, Kerugoya, Karatina, Athi River, Kiambu, Limuru, Msambweni, Watamu, "
    "Mtwapa, Hola, Taveta",
    "TZ": "Dar es Salaam, Dodoma, Arusha, Mwanza, Mbeya, Morogoro, Tanga, Kigoma, Moshi, "
    "Tabora, Songea, Musoma, Iringa, Shinyanga, Sumbawanga, Mtwara, Bukoba, Lindi, Singida, "
    "Kahama, Njombe, Babati, Geita, Bariadi, Mpanda, Korogwe, Handeni, Bagamoyo, Kibaha, "
    "Chake Chake, Mkoani, Wete, Kilwa Masoko, Ifakara, Tunduma, Masasi, Nzega, Kasulu, "
    "Mafinga, Makambako",
    "IN": "Ahmedabad, Aizawl, Akola, Alappuzha, Aligarh, Ambala, Amroha, Anantapur, Avadi, "
    "Bangalore, Bareilly, Bathinda, Begusarai, Bellary, Bhagalpur, Bharatpur, Bhavnagar, "
    "Bhiwandi, Bhubaneswar, Bidar, Bijapur, Bongaigaon, Chandigarh, Chennai, Davanagere, "
    "Delhi, Dhanbad, Durgapur, Faridabad, Gandhinagar, Ghaziabad, Gorakhpur, Gulbarga, "
    "Guwahati, Hyderabad, Indore, Jabalpur, Jaipur, Jalandhar, Jammu, Jamnagar, Jamshedpur, "
    "Jhansi, Jodhpur, Jorhat, Kakinada, Kanpur, Kochi, Kolhapur, Kolkata, Kollam, Kozhikode, "
    "Lucknow, Ludhiana, Madurai, Malda, Meerut, Mysore, Nagpur, Nashik, Nizamabad, Noida, "
    "Patna, Pune, Raipur, Rajkot, Ranchi, Rohtak, Saharanpur, Sambalpur, Shillong, Silchar, "
    "Solapur, Srinagar, Surat, Thiruvananthapuram, Thrissur, Tiruppur, Udaipur, Vadodara, "
    "Varanasi, Vellore, Vijayawada, Visakhapatnam",
    "PK": "Karachi, Lahore, Faisalabad, Rawalpindi, Gujranwala, Multan, Hyderabad, Islamabad, "
    "Bahawalpur, Sargodha, Sialkot, Sukkur, Larkana, Sheikhupura, Rahim Yar Khan, Jhang, "
    "Dera Ghazi Khan, Gujrat, Sahiwal, Wah Cantonment, Mardan, Kasur, Okara, Mingora, "
    "Nawabshah, Chiniot, Kotri, Hafizabad, Sadiqabad, Mirpur Khas, Burewala, Kohat, Khanewal, "
    "Dera Ismail Khan, Turbat, Muzaffargarh, Abbottabad, Mandi Bahauddin, Shikarpur, "
    "Jacobabad, Jhelum, Khairpur, Khuzdar, Pakpattan, Daska, Gojra, Muridke, Bannu, "
    "Charsadda, Swabi, Chaman, Gwadar, Zhob, Loralai, Sibi, Mansehra, Parachinar",
    "BD": "Bagerhat, Barguna, Bhola, Brahmanbaria, Chandpur, Chapai Nawabganj, Chattogram, "
    "Chuadanga, Cumilla, Dinajpur, Feni, Gaibandha, Gazipur, Gopalganj, Habiganj, Jamalpur, "
    "Jashore, Jhalokati, Jhenaidah, Joypurhat, Khagrachhari, Khulna, Kurigram, Kushtia, "
    "Lalmonirhat, Madaripur, Moulvibazar, Meherpur, Munshiganj, Mymensingh, Naogaon, "
    "Netrokona, Nilphamari, Noakhali, Panchagarh, Patuakhali, Pirojpur, Rajshahi, Rangpur, "
    "Shariatpur, Sherpur, Sirajganj, Sunamganj, Sylhet, Thakurgaon, Cox's Bazar",
    "MV": "Addu City, Fuvahmulah, Kulhudhuffushi, Thinadhoo, Naifaru, Hithadhoo, Eydhafushi, "
    "Funadhoo, Dhidhdhoo, Mahibadhoo, Hulhumalé, Villimalé, Ungoofaaru",
    "US": "Chicago, Houston, Phoenix, Philadelphia, San Antonio, Dallas, San Jose, Austin, "
    "Jacksonville, Fort Worth, Columbus, Charlotte, Indianapolis, San Francisco, Seattle, "
    "Washington, Boston, El Paso, Nashville, Detroit, Oklahoma City, Portland, Las Vegas, "
    "Memphis, Baltimore, Milwaukee, Albuquerque, Tucson, Fresno, Sacramento, Mesa, "
    "Kansas City, Omaha, Colorado Springs, Raleigh, Long Beach, Virginia Beach, Miami, "
    "Oakland, Tulsa, Tampa, Arlington, New Orleans, Wichita, Bakersfield, Cleveland, Honolulu, "
    "Santa Ana, Riverside, Corpus Christi, Lexington, Henderson, Stockton, Saint Paul, "
    "Cincinnati, St. Louis, Pittsburgh, Greensboro, Lincoln, Anchorage, Plano, Orlando, "
    "Irvine, Newark, Durham, Chula Vista, Toledo, Fort Wayne, St. Petersburg, Laredo, "
    "Jersey City, Chandler, Madison, Lubbock, Scottsdale, Reno, Buffalo, Gilbert, Glendale, "
    "North Las Vegas, Winston-Salem, Chesapeake, Norfolk, Fremont, Garland, Irving, Hialeah, "
    "Richmond, Boise, Spokane, Baton Rouge, Tacoma, San Bernardino, Modesto, Fontana, "
    "Des Moines, Moreno Valley, Santa Clarita, Fayetteville, Birmingham, Oxnard, Rochester, "
    "Grand Rapids, Huntsville, Salt Lake City, Yonkers, Amarillo, Huntington Beach, McKinney, "
    "Montgomery, Augusta, Akron, Little Rock, Tempe, Overland Park, Tallahassee, Mobile, "
    "Knoxville, Shreveport, Worcester, Sioux Falls, Providence, Springfield, Fort Lauderdale, "
    "Salem, Eugene, Dayton, Paterson, Hartford, Syracuse, New Haven, Ann Arbor, Camden, Flint, "
    "Dearborn, Hamtramck, Lowell, Lawrence, Bridgeport, Trenton, Wilmington, Savannah, "
    "Charleston, Columbia, Jackson, Gary, South Bend, Peoria, Rockford, Naperville, Duluth, "
    "Green Bay, Cedar Rapids, Topeka, Billings, Fargo, Burlington, Manchester, Bangor",
    "CA": "Toronto, Vancouver, Calgary, Winnipeg, Mississauga, Brampton, Hamilton, Surrey, "
    "Québec, Halifax, Laval, London, Markham, Vaughan, Gatineau, Saskatoon, Kitchener, "
    "Longueuil, Burnaby, Windsor, Regina, Oakville, Richmond Hill, Oshawa, Sherbrooke, "
    "Greater Sudbury, Abbotsford, Lévis, Coquitlam, Barrie, Saguenay, Kelowna, Guelph, "
    "Trois-Rivières, Whitby, St. Catharines, Kingston, Waterloo, Terrebonne, Saanich, "
    "St. John's, Thunder Bay, Brossard, Moncton, Fredericton, Charlottetown, Red Deer, "
    "Lethbridge, Kamloops, Nanaimo",
    "CO": "Bogotá, Barranquilla, Cartagena, Cúcuta, Soacha, Soledad, Bucaramanga, Bello, "
    "Villavicencio, Ibagué, Santa Marta, Valledupar, Manizales, Pereira, Montería, Neiva, "
    "Pasto, Armenia, Popayán, Buenaventura, Sincelejo, Itagüí, Floridablanca, Palmira, "
    "Riohacha, Tuluá, Dosquebradas, Tunja, Barrancabermeja, Apartadó, Florencia, Turbo, "
    "Maicao, Yopal, Ipiales, Fusagasugá, Chía, Zipaquirá, Rionegro, Quibdó, Tumaco, Sogamoso, "
    "Duitama, Girardot, Cartago, Magangué, Ocaña, Arauca, Leticia, Mocoa",
    "PE": "Lima, Arequipa, Trujillo, Chiclayo, Piura, Iquitos, Cusco, Chimbote, Huancayo, "
    "Tacna, Juliaca, Ica, Sullana, Ayacucho, Cajamarca, Pucallpa, Huánuco, Tarapoto, "
    "Chincha Alta, Tumbes, Talara, Huaraz, Jaén, Puerto Maldonado, Moquegua, Abancay, Huacho, "
    "Callao, Ilo, Pisco, Tingo María, Moyobamba, Andahuaylas, Huancavelica, Cerro de Pasco",
    "EC": "Guayaquil, Quito, Santo Domingo, Machala, Durán, Manta, Portoviejo, Loja, Ambato, "
    "Esmeraldas, Quevedo, Riobamba, Milagro, Ibarra, La Libertad, Babahoyo, Sangolquí, Daule, "
    "Latacunga, Tulcán, Chone, Pasaje, Huaquillas, Nueva Loja, Otavalo, Puyo, Tena, Macas, "
    "Azogues, Salinas",
    "AR": "Córdoba, Rosario, Mendoza, La Plata, San Miguel de Tucumán, Mar del Plata, Salta, "
    "Santa Fe, San Juan, Resistencia, Neuquén, Santiago del Estero, Corrientes, Posadas, "
    "Bahía Blanca, San Salvador de Jujuy, Paraná, Formosa, San Luis, La Rioja, Catamarca, "
    "Río Cuarto, Comodoro Rivadavia, San Rafael, Tandil, Villa María, Rafaela, Trelew, "
    "Río Gallegos, Ushuaia, Viedma, San Carlos de Bariloche, Concordia, Gualeguaychú, Zárate, "
    "La Matanza, Quilmes, Lanús, Avellaneda, Lomas de Zamora, Morón, Tigre, San Isidro, Pilar",
    "HT": "Port-au-Prince, Cap-Haïtien, Gonaïves, Les Cayes, Jacmel, Saint-Marc, Jérémie, "
    "Hinche, Port-de-Paix, Fort-Liberté, Miragoâne, Petit-Goâve, Léogâne, Carrefour, "
    "Pétion-Ville, Delmas, Croix-des-Bouquets, Ouanaminthe, Mirebalais",
    "TT": "Port of Spain, San Fernando, Arima, Point Fortin, Couva, Sangre Grande, "
    "Princes Town, Scarborough, Diego Martin, Tunapuna, Siparia, Penal",
    "AU": "Sydney, Melbourne, Brisbane, Perth, Adelaide, Gold Coast, Newcastle, Canberra, "
    "Sunshine Coast, Wollongong, Geelong, Hobart, Townsville, Cairns, Darwin, Toowoomba, "
    "Ballarat, Bendigo, Albury, Launceston, Mackay, Rockhampton, Bunbury, Bundaberg, "
    "Coffs Harbour, Wagga Wagga, Hervey Bay, Mildura, Shepparton, Port Macquarie, Gladstone, "
    "Tamworth, Traralgon, Orange, Dubbo, Geraldton, Kalgoorlie, Lismore, Nowra, Warrnambool, "
    "Mount Gambier, Alice Springs, Blacktown, Parramatta, Liverpool, Penrith, Campbelltown, "
    "Fairfield, Logan City, Ipswich, Dandenong, Frankston, Wyndham, Hume, Brimbank",
}
TOWNS = {code: tuple(dict.fromkeys(names.split(", "))) for code, names in _TOWNS.items()}


def country(code: str) -> Country:
    return COUNTRIES.get(code, DEFAULT_COUNTRY)
