"""Segmentation: article metadata, paragraphs, sentences and quotation spans, all as offsets."""
