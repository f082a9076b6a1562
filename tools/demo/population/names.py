"""Names typical of West Flanders, by sex and generation.

Why by generation: a client born in 1940 is called Godelieve or Noël, one born in 1968
Veerle or Geert; mixing them would make the demo look fake to local users.
"""
from __future__ import annotations

import random

FAMILY_NAMES = (
    "Vandenberghe", "Debruyne", "Vanneste", "Declercq", "Verhaeghe", "Lannoo", "Desmet",
    "Vermeulen", "Maes", "Deprez", "Vandamme", "Decock", "Verstraete", "Vandewalle",
    "Devos", "Goethals", "Vanhoutte", "Dewulf", "Deconinck", "Vandecasteele", "Vanhee",
    "Ghesquière", "Vandenbroucke", "Depoorter", "Vercruysse", "Callewaert", "Dejonghe",
    "Vanderhaeghe", "Dewitte", "Baert", "Bossuyt", "Vansteenkiste", "Decoene",
    "Lambrecht", "Deleu", "Vanthuyne", "Coussement", "Allemeersch", "Vanlerberghe",
    "Delbeke", "Dumon", "Ryckaert", "Deschacht", "Huyghe", "Cnockaert", "Lefevere",
    "Seynaeve", "Roose", "Vandenbussche", "Vancoillie", "Deroo", "Verbeke", "Claeys",
    "Pattyn", "Vanackere", "Degryse", "Beernaert", "Vanwynsberghe",
)

# Given names for people born 1930-1960.
OLDER_GIVEN = {
    "female": (
        "Maria", "Godelieve", "Agnes", "Rita", "Simonne", "Paula", "Rosa", "Jeanne",
        "Denise", "Georgette", "Irène", "Lucienne", "Monique", "Christiane", "Annie",
        "Gilberte", "Hilda", "Liliane", "Yvonne", "Martha", "Elza", "Mariette", "Gerda",
        "Jacqueline", "Ria", "Lutgarde", "Noëlla", "Bernadette", "Magda", "Frieda",
        "Marie-Jeanne", "Josiane", "Roza", "Margriet",
    ),
    "male": (
        "Jozef", "Roger", "Marcel", "André", "Noël", "Gilbert", "Albert", "Willy",
        "Etienne", "Lucien", "Georges", "Antoon", "Robert", "Gaston", "Maurice", "Daniël",
        "Norbert", "Omer", "Cyriel", "Hendrik", "Walter", "Freddy", "Julien", "Michel",
        "Frans", "Firmin", "Valère", "Remi", "Germain", "Achiel", "Rafaël", "Jean-Pierre",
    ),
}

# Given names for people born after 1960 (the few younger clients, the staff).
YOUNGER_GIVEN = {
    "female": ("Ann", "Katrien", "Kathleen", "Carine", "Veerle", "Martine", "Hilde",
               "Sabine", "Nancy", "Isabelle", "Griet", "Els"),
    "male": ("Geert", "Johan", "Dirk", "Filip", "Kurt", "Patrick", "Stefaan", "Bart",
             "Peter", "Wim", "Koen", "Luc"),
}


def pick_name(rng: random.Random, sex: str, birth_year: int,
              taken: set[tuple[str, str]]) -> tuple[str, str]:
    """A (given, family) pair not yet in `taken`; adds it, so no two clients share a name."""
    pool = (OLDER_GIVEN if birth_year <= 1960 else YOUNGER_GIVEN)[sex]
    while True:
        name = (rng.choice(pool), rng.choice(FAMILY_NAMES))
        if name not in taken:
            taken.add(name)
            return name
