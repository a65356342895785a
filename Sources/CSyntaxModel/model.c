// Embeds the committed model file with the assembler's .incbin, so the binary carries it and needs
// no data directory. Package.swift defines SYNTAX_MODEL_PATH as the file's absolute path.
#include "CSyntaxModel.h"
// Names the model's checksum: make train-syntax rewrites it, so a new model recompiles this file
// (the compiler's dependency list does not include .incbin files).
#include "model_version.h"

#ifndef SYNTAX_MODEL_PATH
#error "SYNTAX_MODEL_PATH must name the model file"
#endif

#if defined(__APPLE__)
#define SYM(name) "_" #name
#define RODATA ".const_data"
#else
#define SYM(name) #name
#define RODATA ".section .rodata"
#endif

__asm__(RODATA "\n"
        ".balign 16\n"
        SYM(csyntax_model_begin) ":\n"
        ".incbin \"" SYNTAX_MODEL_PATH "\"\n"
        SYM(csyntax_model_finish) ":\n"
        ".byte 0\n"
        ".text\n");

extern const unsigned char csyntax_model_begin[];
extern const unsigned char csyntax_model_finish[];

const unsigned char *csyntax_model_bytes(void) { return csyntax_model_begin; }

size_t csyntax_model_size(void) { return (size_t)(csyntax_model_finish - csyntax_model_begin); }
