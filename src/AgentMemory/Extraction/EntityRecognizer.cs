using System.Text.RegularExpressions;

namespace AgentMemory.Extraction;

/// <summary>
/// Finds the named things a memory mentions — people, places, organisations and products — without a model: runs of
/// capitalised words (with connectors such as "of", "de", "von" and model numbers), camel-cased names ("iPhone") and
/// acronyms, typed by the words around them. A capitalised word that only opens a sentence ("Sadly", "Update") is not a
/// name unless a verb follows it ("Tom leads …"), nor are day and month names or the speaker label of an episode ("User: …").
/// </summary>
internal static partial class EntityRecognizer
{
    /// <summary>The most names kept from one memory.</summary>
    private const int MaxEntities = 12;

    /// <summary>Finds the named things in <paramref name="text"/>, each once, in order of first mention.</summary>
    public static IReadOnlyList<(string Name, string Type)> Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<(string Name, string Type)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Name().Matches(text))
        {
            var name = TrimFunctionWords(match.Value);
            if (name.Length < 2 || NotAName(text, match.Index, match.Value, name) || !seen.Add(name))
            {
                continue;
            }

            found.Add((name, TypeOf(text, match.Index, name)));
            if (found.Count == MaxEntities)
            {
                break;
            }
        }

        return found;
    }

    private static string TrimFunctionWords(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && (Leading.Contains(words[0]) || Calendar.Contains(words[0]) || !words[0].Any(char.IsLetter)))
        {
            words.RemoveAt(0);
        }

        // A run may end in a pronoun or function word the next clause opens with ("Honestly I …"); a date's year is
        // trimmed with its month at the start ("November 2026"), a model number at the end stays ("Windows 11").
        while (words.Count > 0 && (Connectors.Contains(words[^1]) || Calendar.Contains(words[^1]) || Leading.Contains(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd('.', '\'', '’', '-');
    }

    /// <summary>A lone capitalised word that only opens a sentence, a speaker label, a day or month: not a name.</summary>
    private static bool NotAName(string text, int index, string raw, string name)
    {
        if (Calendar.Contains(name) || Leading.Contains(name))
        {
            return true;
        }

        var end = index + raw.Length;
        if (end < text.Length && text[end] == ':' && index == 0)
        {
            return true; // "User: …", "Caroline: …"
        }

        var single = !name.Contains(' ', StringComparison.Ordinal);
        if (!single || name.Any(char.IsDigit) || (name.Length > 1 && name.Skip(1).Any(char.IsUpper)))
        {
            return false; // several words, a model number, an acronym or a camel-cased name
        }

        var start = text.IndexOf(name, index, StringComparison.Ordinal);
        return SentenceStart(text, start) && !FollowedByPossessive(text, start + name.Length) && !SubjectOfAVerb(text, start + name.Length);
    }

    private static bool SentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (text[i] == ' ' || text[i] == '"' || text[i] == '“' || text[i] == '(' || text[i] == '¿' || text[i] == '¡'))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or ':' or ';' or '\n';
    }

    /// <summary>Whether the word after <paramref name="end"/> reads as the verb of a named subject ("Tom leads", "Nibbles died").</summary>
    private static bool SubjectOfAVerb(string text, int end)
    {
        var next = NextWord().Match(text, end);
        if (!next.Success)
        {
            return false;
        }

        var word = next.Groups["word"].Value;
        // "-ed" reads as a past verb; "-s" only when a word follows ("Tom leads the team", not "Big news, …").
        var after = next.Index + next.Length;
        var followed = after + 1 < text.Length && text[after] == ' ' && char.IsLetter(text[after + 1]);
        return Auxiliaries.Contains(word)
            || (word.Length > 3 && char.IsLower(word[0])
                && (word.EndsWith("ed", StringComparison.Ordinal) || (followed && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))));
    }

    private static bool FollowedByPossessive(string text, int end)
        => end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] == 's';

    private static string TypeOf(string text, int index, string name)
    {
        var last = name.Split(' ')[^1];
        if (OrganisationWords.Contains(last))
        {
            return "organization";
        }

        if (name.Any(char.IsDigit) || (char.IsLower(name[0]) && name.Any(char.IsUpper)))
        {
            return "product";
        }

        var before = text[..index].TrimEnd();
        var lead = LeadWord().Match(before);
        var word = lead.Success ? lead.Groups["word"].Value.ToLowerInvariant() : string.Empty;
        return word switch
        {
            "in" or "to" or "from" or "near" or "into" or "around" or "en" or "à" or "nach" or "aus" or "em" or "para" or "a" => "place",
            "at" or "for" or "joined" or "join" or "bei" or "chez" => "organization",
            "named" or "called" or "manager" or "boss" or "supervisor" or "wife" or "husband" or "partner" or "girlfriend" or "boyfriend"
                or "sister" or "brother" or "mother" or "father" or "mum" or "mom" or "dad" or "son" or "daughter" or "friend"
                or "colleague" or "roommate" or "professor" or "dr" or "mr" or "mrs" or "ms" or "with" or "and" => "person",
            "drive" or "drives" or "use" or "uses" or "using" or "bought" or "own" or "owns" or "got" => "product",
            _ => FollowedByPossessive(text, index + name.Length) ? "person" : "other",
        };
    }

    private static readonly HashSet<string> Leading = new(
        ["I", "I'm", "I've", "I'd", "I'll", "My", "We", "We're", "Our", "The", "A", "An", "This", "That", "These", "Those", "It", "It's", "He", "She",
         "They", "You", "Your", "His", "Her", "Their", "And", "But", "Or", "So", "If", "When", "What", "Where", "Who", "How", "Why", "Yes", "No",
         "Oh", "Ok", "OK", "Okay", "Please", "Thanks", "Hi", "Hello", "Also", "Then", "Now", "Today", "Yesterday", "Tomorrow"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Auxiliaries = new(["is", "was", "has", "had", "will", "can", "and", "got", "said", "told"], StringComparer.Ordinal);

    private static readonly HashSet<string> Connectors = new(["of", "de", "del", "la", "le", "von", "van", "da", "di", "du", "the", "and"], StringComparer.Ordinal);

    private static readonly HashSet<string> Calendar = new(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays", "Wednesdays", "Thursdays",
         "Fridays", "Saturdays", "Sundays", "January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> OrganisationWords = new(
        ["Inc", "Ltd", "LLC", "GmbH", "AG", "SA", "SL", "Corp", "Corporation", "Company", "Co", "Bank", "University", "College", "School",
         "Hospital", "Clinic", "Airways", "Airlines", "Group", "Labs", "Foundation", "Institute", "Ministry", "Agency", "Council"],
        StringComparer.Ordinal);

    // A run of capitalised words, model numbers and connectors; a camel-cased name; an acronym.
    [GeneratedRegex(@"\b(?:\p{Lu}[\p{L}\p{M}\d-]*(?:['’]\p{Lu}[\p{L}\p{M}\d-]*)?|\p{Ll}+\p{Lu}[\p{L}\d]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}\d-]*(?:['’]\p{Lu}[\p{L}\p{M}\d-]*)?|\d+[\p{L}\d]*|[\p{L}]*\d[\p{L}\d]*|(?:of|de|del|la|von|van|da|di|du)(?=\s+\p{Lu})))*")]
    private static partial Regex Name();

    [GeneratedRegex(@"\G\s+(?<word>\p{L}+)")]
    private static partial Regex NextWord();

    [GeneratedRegex(@"(?<word>[\p{L}]+)\W*$")]
    private static partial Regex LeadWord();
}
