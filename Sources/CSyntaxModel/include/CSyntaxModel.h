#ifndef CSYNTAXMODEL_H
#define CSYNTAXMODEL_H

#include <stddef.h>

/// The bytes of the committed syntax model (Sources/CSyntaxModel/syntax.model), built into the binary.
const unsigned char *csyntax_model_bytes(void);

/// The size in bytes of the embedded syntax model.
size_t csyntax_model_size(void);

/// Asks the CPU to start loading the cache line at `p` (scoring looks up many features at once).
static inline void csyntax_prefetch(const void *p) { __builtin_prefetch(p); }

/// Zeroed memory for a model's lookup table, aligned to 64 bytes; a large one is mapped at a
/// 2 MB boundary and, on Linux, advised to use transparent huge pages: scoring reads the table
/// at random, and with 4 KB pages nearly every read also misses the TLB. NULL when out of memory.
void *csyntax_table_alloc(size_t bytes);

/// Frees what csyntax_table_alloc(bytes) returned (NULL is ignored).
void csyntax_table_free(void *table, size_t bytes);

#endif
