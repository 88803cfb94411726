"""Text analysis shared by rules: sentences, quotation regions, words, language identification."""
