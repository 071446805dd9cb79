using AgentMemory.Lexical;

namespace AgentMemory.Extraction;

/// <summary>
/// Classifies a sentence by its form, not by its topic: interrogative (a question mark, a wh-word first, or an
/// auxiliary inverted before its subject: "do you …", "is it …"), imperative to the listener ("please …", "let's …",
/// "let me …", a verb with a first-person object first: "tell me …", "show us …"), phatic (only interjections, greetings, thanks,
/// acknowledgements, farewells and conversation commands such as "exit", plus function words), or else a statement.
/// </summary>
/// <remarks>
/// The word classes are closed classes of English (auxiliaries, pronouns, interjections), not phrases of any one
/// conversation. A sentence that mixes a statement with a question ("I'm vegetarian, any ideas?") is a question by
/// its punctuation; the extractor keeps a turn's episode when any of its sentences is a statement.
/// </remarks>
internal static class UtteranceClassifier
{
    private static readonly HashSet<string> WhWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "who", "whos", "whom", "whose", "which", "where", "wheres", "when", "why", "how", "hows",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "do", "does", "did", "is", "are", "was", "were", "am", "can", "could", "would", "will", "should", "shall", "may", "might",
        "must", "have", "has", "had", "isnt", "arent", "dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt",
    };

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
    {
        "i", "you", "we", "they", "he", "she", "it", "there", "this", "that", "these", "those", "my", "your", "our", "their",
        "his", "her", "its", "the", "a", "an", "any", "anyone", "someone", "something", "anything",
    };

    private static readonly HashSet<string> FirstPersonObjects = new(StringComparer.Ordinal) { "me", "us" };

    /// <summary>Interjections, greetings, thanks, acknowledgements, farewells and conversation commands.</summary>
    private static readonly HashSet<string> PhaticWords = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "hiya", "howdy", "greetings", "morning", "afternoon", "evening", "night", "good", "goodnight",
        "thanks", "thank", "thx", "ty", "cheers", "appreciated", "welcome",
        "ok", "okay", "k", "yes", "yeah", "yep", "yup", "no", "nope", "nah", "sure", "right", "alright", "fine", "cool", "great",
        "nice", "perfect", "awesome", "got", "noted", "understood", "indeed", "exactly", "agreed", "absolutely", "wow", "oh", "ah",
        "hmm", "hm", "um", "uh", "lol", "haha", "sorry", "oops", "please", "pls",
        "bye", "goodbye", "later", "cya", "exit", "quit", "stop", "cancel", "done", "continue", "next", "more", "again", "help",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "you", "u", "there", "so", "very", "much", "too", "all", "it", "that", "this", "for", "and", "to",
        "me", "us", "i", "we", "see", "then", "now", "just", "really", "again", "one", "lot", "lots", "of", "is", "are",
        "s", "ll", "re", "m", "ve", "d", "t", "youre", "thats", "its", "im",
    };

    /// <summary>What <paramref name="sentence"/> (with its own punctuation) does.</summary>
    public static UtteranceKind Classify(string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.StartsWith('/'))
        {
            return UtteranceKind.Phatic; // a slash command ("/quit") is addressed to the program
        }

        var words = TextAnalyzer.Words(trimmed);
        if (words.Count == 0 || words.TrueForAll(w => PhaticWords.Contains(w) || FunctionWords.Contains(w)))
        {
            return UtteranceKind.Phatic;
        }

        if (trimmed.TrimEnd('.', '!', ' ', '"', '\'', ')').EndsWith('?'))
        {
            return UtteranceKind.Question;
        }

        // Skip a leading interjection or vocative clause ("Hey Mel, how was …"): the sentence starts after its comma.
        var start = 0;
        while (start < words.Count && PhaticWords.Contains(words[start]))
        {
            start++;
        }

        if (start >= words.Count)
        {
            return UtteranceKind.Phatic;
        }

        var first = words[start];
        var second = start + 1 < words.Count ? words[start + 1] : null;
        if (WhWords.Contains(first) || (Auxiliaries.Contains(first) && second is not null && Subjects.Contains(second)))
        {
            return UtteranceKind.Question;
        }

        if (words[0] is "please" or "pls" || first is "let" or "lets"
            || (second is not null && FirstPersonObjects.Contains(second) && !Subjects.Contains(first) && !Auxiliaries.Contains(first)))
        {
            return UtteranceKind.Request;
        }

        return UtteranceKind.Statement;
    }
}
