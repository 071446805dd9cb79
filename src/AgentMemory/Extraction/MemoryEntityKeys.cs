using AgentMemory.Lexical;

namespace AgentMemory.Extraction;

/// <summary>
/// How a memory carries the named things it mentions: one metadata entry per entity, key <c>entity:</c> + the name in
/// lower case with single spaces, value its type (person, place, organization, product or other), so the stores' own
/// metadata filters list by entity (<see cref="MemoryFilter.WithEntity"/>).
/// </summary>
internal static class MemoryEntityKeys
{
    /// <summary>The prefix of an entity's metadata key.</summary>
    public const string Prefix = "entity:";

    /// <summary>The types an entity may have.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(["person", "place", "organization", "product", "other"], StringComparer.Ordinal);

    /// <summary>The metadata key of the entity named <paramref name="name"/>.</summary>
    public static string Key(string name) => Prefix + string.Join(' ', name.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// <paramref name="metadata"/> with the entities <paramref name="text"/> mentions added, unless it already names
    /// entities (the extractor that formed the memory, e.g. a model, knew better).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Tag(IReadOnlyDictionary<string, string> metadata, string text)
    {
        if (metadata.Keys.Any(k => k.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            return metadata;
        }

        var found = EntityRecognizer.Find(text);
        return found.Count == 0 ? metadata : With(metadata, found);
    }

    /// <summary><paramref name="metadata"/> with <paramref name="entities"/> added (an unknown type becomes "other").</summary>
    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> metadata, IEnumerable<(string Name, string Type)> entities)
    {
        var tagged = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        foreach (var (name, type) in entities)
        {
            if (!string.IsNullOrWhiteSpace(name) && name.Length <= 100)
            {
                var normalised = type?.Trim().ToLowerInvariant() ?? "other";
                tagged.TryAdd(Key(name), Types.Contains(normalised) ? normalised : "other");
            }
        }

        return tagged;
    }

    /// <summary>Whether <paramref name="record"/> mentions an entity every word of whose name is among <paramref name="queryWords"/>.</summary>
    public static bool Named(MemoryRecord record, HashSet<string> queryWords)
    {
        foreach (var key in record.Metadata.Keys)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var words = TextAnalyzer.Words(key[Prefix.Length..]);
            var any = false;
            var all = true;
            foreach (var word in words)
            {
                any = true;
                if (!queryWords.Contains(word))
                {
                    all = false;
                    break;
                }
            }

            if (any && all)
            {
                return true;
            }
        }

        return false;
    }
}
