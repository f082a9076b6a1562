"""Flemish dishes at their regular texture, per standard portion.

Each row: name, kind, course, slots, nutrients (kcal, protein g, fat g, carbohydrate g,
fibre g, fluid ml, sodium mg), allergens, keywords for dislikes and preferences, price in
euros, storage class, the texture levels it is offered in, and how its texture-modified
variants are enriched ("milk": milk protein and cream; "pea": pea protein, milk-free).
Values are typical of Belgian ready-meal and dysphagia ranges, rounded."""
from __future__ import annotations

from dataclasses import dataclass

B, L, D, S = "breakfast", "lunch", "dinner", "snack"
MAIN_LEVELS = ("7", "7EC", "6", "5", "4")
STEW_LEVELS = ("7", "7EC", "6", "5", "4", "3")  # stews also come liquidised
PORRIDGE_LEVELS = ("7", "7EC", "6", "5", "4", "3")
SOFT_LEVELS = ("7", "7EC", "6")
SMOOTH_LEVELS = ("7", "6", "5", "4", "3")
SOUP_LEVELS = ("7", "6", "5", "4", "3")
PUDDING_LEVELS = ("7", "6", "5", "4")


@dataclass(frozen=True)
class DishRow:
    name: str
    kind: str
    course: str
    slots: tuple[str, ...]
    nutrients: tuple[float, float, float, float, float, float, float]
    allergens: tuple[str, ...]
    keywords: tuple[str, ...]
    price: str
    storage: str
    levels: tuple[str, ...]
    enrichment: str = "milk"


_row = DishRow
RM, CO, RE = "ready_meal", "component", "recipe"

MAINS = (
    _row("Vlaamse stoofvlees met wortelpuree", RM, "main", (L, D), (560, 32, 24, 48, 6, 330, 980),
         ("gluten", "mustard", "celery"), ("rundvlees", "stoofvlees", "wortel", "bier"), "8.50", "chilled",
         STEW_LEVELS, "pea"),
    _row("Vol-au-vent met kip en champignons", RM, "main", (L, D), (590, 30, 30, 46, 3, 300, 1050),
         ("gluten", "milk", "eggs", "celery"), ("kip", "champignons", "bladerdeeg"), "8.90", "chilled", MAIN_LEVELS),
    _row("Hutsepot met rundvlees en worst", RM, "main", (L, D), (540, 29, 25, 44, 8, 360, 1100),
         ("celery",), ("rundvlees", "worst", "wortel", "selder", "prei"), "8.20", "frozen", STEW_LEVELS, "pea"),
    _row("Vispannetje met garnalen en puree", RM, "main", (L, D), (520, 31, 24, 40, 3, 320, 890),
         ("fish", "crustaceans", "milk", "celery"), ("vis", "garnalen", "kabeljauw"), "9.40", "chilled", STEW_LEVELS),
    _row("Gentse waterzooi van kip", RM, "main", (L, D), (480, 31, 22, 36, 4, 380, 860),
         ("milk", "eggs", "celery"), ("kip", "prei", "wortel", "room"), "8.60", "chilled", STEW_LEVELS),
    _row("Waterzooi van vis", RM, "main", (L, D), (450, 30, 19, 36, 4, 390, 820),
         ("fish", "milk", "eggs", "celery"), ("vis", "prei", "room"), "9.10", "chilled", STEW_LEVELS),
    _row("Preistoemp met braadworst", RM, "main", (L, D), (610, 24, 36, 46, 6, 300, 1150),
         ("milk", "mustard"), ("stoemp", "worst", "prei"), "7.40", "chilled", MAIN_LEVELS, "pea"),
    _row("Wortelstoemp met gehaktbal", RM, "main", (L, D), (580, 28, 30, 46, 7, 310, 1020),
         ("milk", "eggs", "gluten"), ("stoemp", "gehakt", "wortel"), "7.60", "chilled", MAIN_LEVELS),
    _row("Witloof met hesp en kaassaus", RM, "main", (L, D), (520, 29, 28, 36, 5, 350, 1180),
         ("milk", "gluten"), ("witloof", "hesp", "kaas"), "8.30", "chilled", MAIN_LEVELS),
    _row("Balletjes in tomatensaus met puree", RM, "main", (L, D), (550, 28, 26, 48, 5, 340, 1010),
         ("gluten", "eggs", "celery"), ("gehakt", "tomaat", "balletjes"), "7.80", "frozen", STEW_LEVELS, "pea"),
    _row("Konijn met pruimen en kroketjes", RM, "main", (L, D), (590, 33, 24, 56, 5, 290, 880),
         ("gluten", "sulphites", "celery", "eggs"), ("konijn", "pruimen", "bier"), "9.60", "chilled",
         MAIN_LEVELS, "pea"),
    _row("Kalkoengebraad met appelmoes en puree", RM, "main", (L, D), (500, 34, 17, 50, 4, 330, 760),
         ("milk",), ("kalkoen", "appelmoes"), "8.10", "chilled", STEW_LEVELS),
    _row("Varkensgebraad met spruitjes en aardappelen", RM, "main", (L, D), (540, 32, 24, 44, 7, 330, 820),
         ("celery",), ("varkensvlees", "spruitjes"), "7.90", "chilled", MAIN_LEVELS, "pea"),
    _row("Kabeljauw met mosterdsaus en puree", RM, "main", (L, D), (470, 32, 18, 42, 4, 360, 840),
         ("fish", "mustard", "milk"), ("vis", "kabeljauw", "mosterd"), "9.30", "frozen", MAIN_LEVELS),
    _row("Zalm met prei en puree", RM, "main", (L, D), (540, 30, 28, 38, 4, 340, 690),
         ("fish", "milk"), ("vis", "zalm", "prei"), "9.50", "frozen", MAIN_LEVELS),
    _row("Kippenbout met appelmoes en puree", RM, "main", (L, D), (560, 33, 26, 46, 4, 320, 780),
         ("milk",), ("kip", "appelmoes"), "7.70", "chilled", MAIN_LEVELS),
    _row("Spaghetti bolognaise", RM, "main", (L, D), (600, 28, 22, 70, 6, 300, 950),
         ("gluten", "celery"), ("pasta", "gehakt", "tomaat"), "7.20", "frozen", MAIN_LEVELS, "pea"),
    _row("Lasagne met gehakt", RM, "main", (L, D), (620, 30, 30, 54, 4, 290, 1060),
         ("gluten", "milk", "eggs", "celery"), ("pasta", "gehakt", "kaas"), "7.90", "frozen", MAIN_LEVELS),
    _row("Macaroni met hesp en kaas", RM, "main", (L, D), (630, 29, 28, 62, 3, 280, 1120),
         ("gluten", "milk"), ("pasta", "hesp", "kaas"), "7.10", "chilled", MAIN_LEVELS),
    _row("Blinde vinken met erwtjes en wortelen", RM, "main", (L, D), (560, 30, 28, 42, 8, 320, 990),
         ("gluten", "eggs", "milk"), ("blinde vinken", "erwten", "wortel", "gehakt"), "8.40", "chilled", MAIN_LEVELS),
    _row("Varkenswangetjes in abdijbier", RM, "main", (L, D), (580, 34, 27, 44, 5, 310, 910),
         ("gluten", "celery"), ("varkensvlees", "bier"), "9.20", "chilled", MAIN_LEVELS, "pea"),
    _row("Gehakt met rode kool en puree", RM, "main", (L, D), (570, 27, 29, 48, 7, 340, 980),
         ("eggs", "gluten", "milk"), ("gehakt", "rode kool"), "7.50", "frozen", MAIN_LEVELS),
    _row("Schorseneren met kippenwit in roomsaus", RM, "main", (L, D), (500, 30, 24, 40, 6, 350, 790),
         ("milk", "gluten"), ("kip", "schorseneren", "room"), "8.70", "chilled", MAIN_LEVELS),
    _row("Tongrolletjes met garnalensaus", RM, "main", (L, D), (480, 31, 22, 38, 3, 340, 930),
         ("fish", "crustaceans", "milk"), ("vis", "garnalen", "tong"), "10.20", "frozen", MAIN_LEVELS),
    _row("Zuurkool met spek en worst", RM, "main", (L, D), (610, 25, 38, 40, 7, 330, 1400),
         ("sulphites", "mustard"), ("zuurkool", "spek", "worst"), "7.30", "chilled", SOFT_LEVELS),
    _row("Paling in 't groen met puree", RM, "main", (L, D), (560, 27, 34, 36, 4, 330, 720),
         ("fish", "celery"), ("vis", "paling", "kervel", "spinazie"), "11.50", "chilled", MAIN_LEVELS, "pea"),
    _row("Kip curry met rijst", RM, "main", (L, D), (560, 30, 20, 64, 4, 300, 870),
         ("milk", "celery", "mustard"), ("kip", "curry", "rijst", "pikant"), "7.60", "frozen", MAIN_LEVELS),
    _row("Hachis parmentier", RM, "main", (L, D), (540, 27, 28, 44, 4, 330, 900),
         ("milk", "celery"), ("gehakt", "puree"), "7.40", "frozen", STEW_LEVELS),
    _row("Ovenschotel met kip en broccoli", RM, "main", (L, D), (520, 32, 24, 42, 6, 340, 880),
         ("milk", "gluten"), ("kip", "broccoli", "kaas"), "7.80", "frozen", MAIN_LEVELS),
    _row("Linzenstoofpot met groenten", RM, "main", (L, D), (470, 22, 14, 60, 14, 380, 760),
         ("celery",), ("linzen", "vegetarisch", "wortel"), "6.90", "frozen", STEW_LEVELS, "pea"),
    _row("Kalfsblanquette met rijst", RM, "main", (L, D), (540, 31, 22, 52, 3, 320, 830),
         ("milk", "celery", "gluten"), ("kalfsvlees", "champignons", "rijst"), "9.40", "chilled", MAIN_LEVELS),
    _row("Pensen met appelmoes en puree", RM, "main", (L, D), (600, 22, 34, 52, 4, 300, 1200),
         ("gluten", "milk"), ("pensen", "appelmoes"), "6.80", "chilled", MAIN_LEVELS),
    _row("Tomaat-garnaal met sla", RM, "main", (L, D), (360, 22, 24, 12, 3, 280, 980),
         ("crustaceans", "eggs", "mustard"), ("garnalen", "tomaat", "mayonaise"), "10.80", "chilled", ("7",)),
    _row("Mosselen in witte wijn met frietjes", RM, "main", (L, D), (690, 33, 34, 62, 5, 380, 1300),
         ("molluscs", "celery", "sulphites"), ("mosselen", "frietjes"), "12.50", "chilled", ("7",)),
    _row("Kippenragout met champignons", CO, "main", (L, D), (380, 30, 18, 22, 2, 300, 760),
         ("milk", "celery"), ("kip", "champignons"), "5.90", "frozen", STEW_LEVELS),
    _row("Rundsgehakt in jus met aardappelpuree", CO, "main", (L, D), (520, 29, 26, 42, 4, 330, 880),
         ("milk", "eggs"), ("gehakt", "puree"), "5.60", "frozen", MAIN_LEVELS),
    _row("Visfilet met spinaziepuree", CO, "main", (L, D), (420, 30, 18, 34, 5, 360, 690),
         ("fish", "milk"), ("vis", "spinazie"), "6.40", "frozen", MAIN_LEVELS),
    _row("Kalkoenblokjes met bloemkool en puree", CO, "main", (L, D), (460, 33, 16, 42, 6, 360, 640),
         ("milk",), ("kalkoen", "bloemkool"), "5.80", "frozen", MAIN_LEVELS),
    _row("Omelet met kaas en tomaat", RE, "main", (L, D), (420, 26, 32, 6, 2, 180, 720),
         ("eggs", "milk"), ("ei", "kaas", "tomaat"), "3.20", "chilled", SOFT_LEVELS),
    _row("Preitaart met ham", RE, "main", (L, D), (520, 22, 32, 36, 4, 200, 890),
         ("gluten", "eggs", "milk"), ("prei", "hesp", "quiche"), "3.80", "chilled", SOFT_LEVELS),
    _row("Stoofvlees van het huis met puree", RE, "main", (L, D), (580, 33, 26, 48, 6, 320, 940),
         ("gluten", "mustard", "milk"), ("rundvlees", "stoofvlees", "bier"), "4.60", "chilled", ("7", "7EC", "6", "5")),
    _row("Koninginnensoep met kip en rijst", RE, "main", (L, D), (420, 25, 14, 46, 2, 420, 900),
         ("milk", "celery"), ("kip", "rijst", "vol-au-vent"), "3.40", "chilled", ("7", "7EC", "6")),
)

BREAKFASTS = (
    _row("Boterham met jonge kaas", RM, "main", (B, D), (330, 16, 14, 34, 4, 70, 620),
         ("gluten", "milk"), ("brood", "kaas"), "2.60", "ambient", ("7", "7EC", "6", "5", "4")),
    _row("Boterham met hesp", RM, "main", (B, D), (300, 17, 9, 36, 4, 80, 780),
         ("gluten",), ("brood", "hesp"), "2.50", "ambient", ("7", "7EC", "6", "5", "4"), "pea"),
    _row("Boterham met choco", RM, "main", (B,), (340, 8, 14, 44, 4, 60, 380),
         ("gluten", "milk", "nuts"), ("brood", "choco"), "2.10", "ambient", ("7", "7EC", "6")),
    _row("Boterham met kippenwit en sla", RM, "main", (B, D), (310, 20, 9, 36, 4, 90, 700),
         ("gluten", "eggs", "mustard"), ("brood", "kip"), "2.70", "ambient", ("7", "7EC", "6", "5", "4"), "pea"),
    _row("Havermoutpap met melk", RM, "main", (B, D), (300, 12, 9, 42, 4, 260, 150),
         ("gluten", "milk"), ("pap", "havermout"), "1.90", "chilled", PORRIDGE_LEVELS),
    _row("Havermoutpap met sojadrink", RM, "main", (B, D), (290, 11, 8, 42, 5, 260, 120),
         ("gluten", "soybeans"), ("pap", "havermout", "lactosevrij"), "2.10", "chilled", PORRIDGE_LEVELS, "pea"),
    _row("Griesmeelpap met vanille", RM, "main", (B, D), (280, 11, 8, 40, 1, 250, 130),
         ("gluten", "milk"), ("pap", "griesmeel"), "1.90", "chilled", PORRIDGE_LEVELS),
    _row("Roerei met zachte toast", RE, "main", (B,), (350, 19, 22, 20, 2, 120, 560),
         ("eggs", "milk", "gluten"), ("ei", "toast"), "1.80", "chilled", ("7", "7EC", "6", "5")),
    _row("Glutenvrije boterham met hesp", RM, "main", (B, D), (290, 16, 9, 36, 3, 80, 760),
         (), ("brood", "hesp", "glutenvrij"), "3.10", "ambient", ("7", "7EC", "6", "5", "4"), "pea"),
    _row("Boterham met confituur", CO, "main", (B,), (300, 7, 6, 54, 4, 60, 360),
         ("gluten",), ("brood", "confituur"), "1.60", "ambient", ("7", "7EC", "6", "5", "4"), "pea"),
    _row("Rijstpap met bruine suiker", RM, "main", (B,), (320, 10, 8, 52, 1, 240, 110),
         ("milk",), ("rijstpap", "pap", "rijst"), "2.20", "chilled", PORRIDGE_LEVELS),
)

SOUPS = (
    _row("Tomatensoep met balletjes", RM, "soup", (L, D), (150, 8, 6, 14, 2, 230, 780),
         ("gluten", "eggs", "celery"), ("tomaat", "balletjes"), "2.40", "chilled", SOUP_LEVELS, "pea"),
    _row("Erwtensoep met hesp", RM, "soup", (L, D), (180, 11, 5, 22, 6, 220, 820),
         ("celery",), ("erwten", "hesp"), "2.30", "frozen", SOUP_LEVELS, "pea"),
    _row("Preisoep", RM, "soup", (L, D), (110, 3, 6, 12, 2, 230, 690),
         ("celery", "milk"), ("prei",), "1.90", "chilled", SOUP_LEVELS),
    _row("Groentesoep", RM, "soup", (L, D), (90, 3, 3, 12, 3, 235, 650),
         ("celery",), ("groenten", "selder", "wortel"), "1.80", "chilled", SOUP_LEVELS, "pea"),
    _row("Kervelsoep", RM, "soup", (L, D), (120, 3, 7, 12, 2, 230, 640),
         ("celery", "milk"), ("kervel",), "2.00", "chilled", SOUP_LEVELS),
    _row("Pompoensoep", RM, "soup", (L, D), (130, 3, 7, 14, 3, 230, 610),
         ("celery", "milk"), ("pompoen",), "2.10", "chilled", SOUP_LEVELS),
    _row("Witloofsoep", RM, "soup", (L, D), (120, 4, 7, 10, 2, 230, 660),
         ("celery", "milk"), ("witloof",), "2.10", "chilled", SOUP_LEVELS),
    _row("Aspergesoep", RM, "soup", (L, D), (140, 4, 9, 11, 1, 225, 700),
         ("milk", "celery"), ("asperges",), "2.40", "chilled", SOUP_LEVELS),
    _row("Bloemkoolsoep", RM, "soup", (L, D), (130, 5, 8, 10, 2, 230, 650),
         ("milk", "celery"), ("bloemkool",), "2.00", "chilled", SOUP_LEVELS),
    _row("Linzensoep", RM, "soup", (L, D), (170, 10, 4, 24, 6, 220, 600),
         ("celery",), ("linzen", "vegetarisch"), "2.20", "frozen", SOUP_LEVELS, "pea"),
    _row("Kippensoep met vermicelli", RM, "soup", (L, D), (120, 9, 4, 12, 1, 235, 760),
         ("celery", "gluten", "eggs"), ("kip",), "2.30", "chilled", SOUP_LEVELS, "pea"),
    _row("Wortelsoep met koriander", CO, "soup", (L, D), (100, 2, 5, 12, 3, 235, 600),
         ("celery",), ("wortel", "koriander"), "1.70", "frozen", SOUP_LEVELS, "pea"),
)

DESSERTS = (
    _row("Chocolademousse", RM, "dessert", (L, D, S), (250, 6, 16, 20, 1, 60, 60),
         ("eggs", "milk"), ("chocolade",), "2.40", "chilled", ("7", "6", "5", "4")),
    _row("Vanillepudding", RM, "dessert", (L, D, S), (170, 5, 5, 26, 0, 100, 80),
         ("milk",), ("pudding", "vanille"), "1.60", "chilled", PUDDING_LEVELS),
    _row("Appelmoes", CO, "dessert", (B, L, D, S), (90, 0.3, 0.2, 21, 2, 100, 5),
         (), ("appel", "fruit"), "1.10", "chilled", ("7", "6", "5", "4", "3")),
    _row("Rijstpap", RM, "dessert", (L, D, S), (200, 6, 5, 32, 0.5, 120, 70),
         ("milk",), ("rijstpap", "rijst"), "1.80", "chilled", PUDDING_LEVELS),
    _row("Speculaaspudding", RM, "dessert", (L, D, S), (210, 5, 8, 30, 1, 90, 120),
         ("gluten", "milk", "soybeans"), ("speculaas", "pudding"), "1.90", "chilled", PUDDING_LEVELS),
    _row("Griesmeelpudding met rode vruchten", RM, "dessert", (L, D, S), (190, 5, 5, 32, 1, 100, 70),
         ("gluten", "milk"), ("griesmeel", "rode vruchten"), "1.80", "chilled", PUDDING_LEVELS),
    _row("Fruitmoes van peer en banaan", CO, "dessert", (B, L, D, S), (110, 1, 0.3, 25, 3, 100, 5),
         (), ("peer", "banaan", "fruit"), "1.40", "chilled", ("7", "6", "5", "4", "3")),
    _row("Peperkoek", CO, "dessert", (B, S), (180, 2, 1, 40, 2, 12, 140),
         ("gluten",), ("peperkoek",), "0.70", "ambient", ("7", "7EC", "6")),
    _row("Plattekaas met fruit", RM, "dessert", (B, L, D, S), (150, 10, 4, 18, 1, 110, 60),
         ("milk",), ("platte kaas", "fruit"), "1.70", "chilled", ("7", "6", "5", "4")),
    _row("Rijsttaart", RM, "dessert", (S,), (290, 7, 11, 40, 1, 70, 140),
         ("milk", "eggs", "gluten"), ("rijsttaart", "taart"), "2.20", "chilled", ("7", "7EC", "6")),
    _row("Mattentaart", RM, "dessert", (S,), (260, 8, 13, 28, 1, 50, 130),
         ("milk", "eggs", "gluten"), ("mattentaart", "taart"), "2.60", "chilled", ("7", "7EC")),
    _row("Bananenmousse", RM, "dessert", (L, D, S), (140, 2, 4, 24, 2, 100, 20),
         (), ("banaan", "fruit"), "1.70", "chilled", ("7", "6", "5", "4")),
    _row("Sojadessert vanille", RM, "dessert", (L, D, S), (150, 6, 4, 22, 1, 100, 70),
         ("soybeans",), ("soja", "vanille", "lactosevrij"), "1.50", "chilled", PUDDING_LEVELS),
    _row("Perencompote", CO, "dessert", (B, L, D, S), (100, 0.4, 0.2, 24, 3, 100, 5),
         (), ("peer", "fruit"), "1.20", "chilled", ("7", "7EC", "6", "5", "4")),
    _row("Yoghurt met honing", RM, "dessert", (B, L, D, S), (140, 6, 5, 18, 0, 110, 70),
         ("milk",), ("yoghurt",), "1.30", "chilled", ("7", "6", "5", "4")),
    _row("Eiwitrijke kwarkcrème met aardbei", RM, "dessert", (B, L, D, S), (160, 14, 3, 18, 1, 100, 60),
         ("milk",), ("platte kaas", "aardbei"), "2.10", "chilled", ("7", "6", "5", "4", "3")),
    _row("Frangipanetaartje", RM, "dessert", (S,), (300, 6, 17, 32, 2, 30, 110),
         ("nuts", "eggs", "gluten", "milk"), ("frangipane", "amandel", "taart"), "2.30", "ambient", ("7", "7EC")),
    _row("Smeuïge kippenmousse op toast", RE, "dessert", (S,), (180, 12, 10, 10, 1, 60, 420),
         ("gluten", "milk"), ("kip",), "1.40", "chilled", ("7", "7EC", "6")),
)

# Drinks per serving, offered at the IDDSI drink levels listed (thickened where > 0).
DRINKS = (
    _row("Water", "drink", "drink", (B, L, D, S), (0, 0, 0, 0, 0, 200, 5),
         (), ("water",), "0.10", "ambient", ("0", "1", "2", "3", "4")),
    _row("Koffie met melk", "drink", "drink", (B, L, D, S), (25, 1.5, 1.3, 2, 0, 150, 20),
         ("milk",), ("koffie",), "0.30", "ambient", ("0", "1", "2", "3", "4")),
    _row("Thee", "drink", "drink", (B, L, D, S), (2, 0, 0, 0.3, 0, 150, 5),
         (), ("thee",), "0.15", "ambient", ("0", "1", "2", "3", "4")),
    _row("Halfvolle melk", "drink", "drink", (B, L, D, S), (92, 6.8, 3.2, 9.6, 0, 180, 90),
         ("milk",), ("melk",), "0.35", "chilled", ("0", "1", "2", "3", "4")),
    _row("Appelsap", "drink", "drink", (B, L, D, S), (90, 0.2, 0.2, 21, 0.2, 185, 5),
         (), ("appelsap", "fruitsap"), "0.45", "ambient", ("0", "1", "2", "3", "4")),
    _row("Sinaasappelsap", "drink", "drink", (B, L, S), (88, 1.4, 0.2, 19, 0.4, 185, 5),
         (), ("sinaasappel", "fruitsap"), "0.55", "chilled", ("0", "1", "2", "3")),
    _row("Karnemelk", "drink", "drink", (B, L, S), (72, 6.6, 1.0, 8.8, 0, 185, 100),
         ("milk",), ("karnemelk",), "0.40", "chilled", ("0", "1", "2", "3")),
    _row("Chocolademelk", "drink", "drink", (S,), (150, 7, 4, 21, 1, 170, 120),
         ("milk",), ("chocolade",), "0.60", "chilled", ("0", "1", "2", "3", "4")),
    _row("Kippenbouillon", "drink", "drink", (L, D, S), (15, 1.5, 0.5, 1, 0, 190, 780),
         ("celery",), ("bouillon", "kip"), "0.40", "ambient", ("0", "1", "2", "3")),
    _row("Sojadrink", "drink", "drink", (B, L, D, S), (80, 6.6, 3.6, 4.6, 1, 185, 60),
         ("soybeans",), ("soja", "lactosevrij"), "0.50", "chilled", ("0", "1", "2", "3", "4")),
)

# Oral nutritional supplements (medical nutrition): bottles or cups of one serving.
SUPPLEMENTS = (
    _row("Drinkvoeding compact eiwitrijk", "supplement", "supplement", (B, L, D, S),
         (300, 18, 12, 30, 0, 95, 100), ("milk",), ("drinkvoeding",), "2.90", "ambient",
         ("0", "2", "3", "4")),
    _row("Drinkvoeding op sojabasis", "supplement", "supplement", (B, L, D, S),
         (300, 12, 12, 36, 3, 160, 140), ("soybeans",), ("drinkvoeding", "lactosevrij"), "3.20", "ambient",
         ("0", "2", "3")),
    _row("Sapdrinkvoeding eiwitrijk", "supplement", "supplement", (B, L, S),
         (300, 8, 0, 67, 0, 170, 40), ("milk",), ("drinkvoeding", "fruitsap"), "3.10", "ambient",
         ("0", "2", "3")),
    _row("Eiwitcrème vanille", "supplement", "supplement", (L, D, S),
         (225, 14, 6, 29, 0, 80, 90), ("milk",), ("crème", "vanille"), "2.70", "ambient", ("4",)),
    _row("Eiwitcrème op erwteneiwit", "supplement", "supplement", (L, D, S),
         (200, 12, 7, 22, 2, 85, 80), (), ("crème", "lactosevrij"), "3.00", "ambient", ("4",)),
)

ALL = MAINS + BREAKFASTS + SOUPS + DESSERTS + DRINKS + SUPPLEMENTS
