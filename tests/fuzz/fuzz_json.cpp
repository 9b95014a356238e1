// Fuzzes the strict JSON reader and the canonical writer: any input either fails with a
// message, or its canonical form reads back to the same value and is a fixed point.
#include "core/json/Reader.h"
#include "core/json/Writer.h"

#include <cstdint>
#include <cstdlib>

using namespace trellis::json;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    for (NumberPolicy policy : {NumberPolicy::Strict, NumberPolicy::Canonical, NumberPolicy::Lenient}) {
        ReadOptions options;
        options.numbers = policy;
        auto value = parse(bytes, options);
        if (!value) {
            if (value.error().message.isEmpty())
                std::abort();
            continue;
        }
        const std::string canonical = toCanonical(*value);
        if (canonicalLength(*value) != qsizetype(canonical.size()))
            std::abort();
        // Canonical output of integer-only values must satisfy even the strict reader.
        ReadOptions again;
        again.numbers = policy == NumberPolicy::Lenient ? NumberPolicy::Lenient : NumberPolicy::Strict;
        auto reread = parse(canonical, again);
        if (!reread || !(*reread == *value) || toCanonical(*reread) != canonical)
            std::abort();
        auto fromIndented = parse(toIndented(*value), again);
        if (!fromIndented || !(*fromIndented == *value))
            std::abort();
    }
    return 0;
}
