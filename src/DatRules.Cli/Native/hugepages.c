/*
 * Linked into the native (ahead-of-time) datrules tool on Linux only (DatRules.Cli.csproj, target
 * DatRulesHugePagesObject). Before main, asks the kernel to back the program's zero-initialised data with transparent
 * huge pages (2 MB). The runtime writes about 16 MB there at start-up ("rehydrating" its type data); with 4 KB pages that
 * is some 4,000 page faults, which cost ~25 ms on the virtual machines we measured (docs/benchmarks.md). Where
 * transparent huge pages are off, or in "always" mode, the advice changes nothing; DATRULES_HUGEPAGES=0 skips it. The
 * GC heap gets the same advice from managed code (DatRules.Data.HugePages.AdviseGCHeap, called by Program.cs).
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define DATRULES_HUGE_PAGE ((uintptr_t)2 * 1024 * 1024)

static int datrules_advise_bss(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    /* The first object is the program itself. */
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W) && ph->p_memsz > ph->p_filesz)
        {
            uintptr_t start = info->dlpi_addr + ph->p_vaddr + ph->p_filesz;
            uintptr_t end = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
            start = (start + DATRULES_HUGE_PAGE - 1) & ~(DATRULES_HUGE_PAGE - 1);
            end &= ~(DATRULES_HUGE_PAGE - 1);
            if (end > start)
            {
                (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
            }
        }
    }

    return 1; /* only the program */
}

__attribute__((constructor)) static void datrules_huge_pages(void)
{
    const char *off = getenv("DATRULES_HUGEPAGES");
    if (off != NULL && strcmp(off, "0") == 0)
    {
        return;
    }

    dl_iterate_phdr(datrules_advise_bss, NULL);
}
