// Memory for the syntax model's lookup tables (see CSyntaxModel.h).
#include "CSyntaxModel.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { huge_page = 2 << 20 };

static size_t mapped_size(size_t bytes) { return (bytes + huge_page - 1) / huge_page * huge_page; }

void *csyntax_table_alloc(size_t bytes) {
    if (bytes < huge_page) {
        // Small tables (tests, training's empty models): a cache-line-aligned block.
        void *p = NULL;
        size_t size = bytes == 0 ? 64 : (bytes + 63) / 64 * 64;
        if (posix_memalign(&p, 64, size) != 0) return NULL;
        memset(p, 0, size);
        return p;
    }
    // Anonymous pages come zeroed; map one huge page more and trim it to a 2 MB boundary.
    size_t size = mapped_size(bytes);
    char *p = mmap(NULL, size + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    char *aligned = (char *)(((uintptr_t)p + huge_page - 1) & ~(uintptr_t)(huge_page - 1));
    if (aligned > p) munmap(p, (size_t)(aligned - p));
    if (aligned + size < p + size + huge_page) munmap(aligned + size, (size_t)(p + size + huge_page - (aligned + size)));
#if defined(MADV_HUGEPAGE)
    // Advice only: without huge pages the table works the same, just slower.
    (void)madvise(aligned, size, MADV_HUGEPAGE);
#endif
    return aligned;
}

void csyntax_table_free(void *table, size_t bytes) {
    if (table == NULL) return;
    if (bytes < huge_page) {
        free(table);
    } else {
        munmap(table, mapped_size(bytes));
    }
}
