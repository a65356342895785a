// Written by make train-syntax: the FNV-1a checksum of syntax.model, so that
// model.c, which embeds it, is compiled again whenever the model changes.
#define SYNTAX_MODEL_CHECKSUM 0x842a70bb05a6c81aULL
