"""The dish catalogue: dishes, immutable texture-variant versions, nutrients, allergens, prices."""
