"""`lagebild ner`: label a GermEval-format file with our names (PER, LOC, ORG, LOCderiv)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.common import report_failure
from lagebild.entities.germeval import format_germeval, parse_germeval
from lagebild.entities.ner import label_sentences, word_tags


def ner_command(
    input_path: Annotated[Path, typer.Argument(help="GermEval 2014 file: index, token, outer, inner label.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output file ('-' for stdout).")],
) -> None:
    """Write the rows of IN.tsv with column 3 replaced by our BIO labels; comments and blank lines kept."""
    try:
        source = input_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report_failure(f"{input_path}: {error}")
        raise typer.Exit(1) from error
    sentences = list(parse_germeval(source.splitlines()))
    labels = label_sentences([(s.words, word_tags(s.words)) for s in sentences])
    text = format_germeval(sentences, labels) + ("\n" if source.endswith("\n\n") else "")
    if str(output) == "-":
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
