"""``nutriplat pseudonym-key AGREEMENT_ID``: the agreement's pseudonym key, in hex, for the
provider to hand to the cofinancer once over a secure channel (``pseudonyms.py``)."""
from __future__ import annotations

import click

from nutriplat.indicators import pseudonyms


@click.command("pseudonym-key")
@click.argument("agreement_id", type=click.IntRange(min=1))
def pseudonym_key(agreement_id: int) -> None:
    """Print the key the cofinancer hashes national register numbers with for this agreement."""
    secret = pseudonyms.secret()
    if secret is None:
        raise click.ClickException(f"Set {pseudonyms.KEY_ENV} in the service's environment first.")
    click.echo(pseudonyms.agreement_key(secret, agreement_id).hex())
