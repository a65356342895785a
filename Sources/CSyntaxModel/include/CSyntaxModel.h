#ifndef CSYNTAXMODEL_H
#define CSYNTAXMODEL_H

#include <stddef.h>

/// The bytes of the committed syntax model (Sources/CSyntaxModel/syntax.model), built into the binary.
const unsigned char *csyntax_model_bytes(void);

/// The size in bytes of the embedded syntax model.
size_t csyntax_model_size(void);

/// Asks the CPU to start loading the cache line at `p` (scoring looks up many features at once).
static inline void csyntax_prefetch(const void *p) { __builtin_prefetch(p); }

#endif
