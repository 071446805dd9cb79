using AgentMemory.Lexical;

namespace AgentMemory.Extraction;

/// <summary>
/// The topic of a fact from the everyday domains its words belong to: each topic is a set of word stems, and the
/// topic with the most stems in the text wins (ties go to the topic listed first). Names match the task-type topics of
/// <see cref="Retrieval.TaskTypeClassifier"/> where they overlap ("food", "travel").
/// </summary>
internal static class TopicLexicon
{
    private static readonly (string Topic, HashSet<string> Stems)[] Topics =
    [
        ("health", Stems("allergic allergy allergies intolerant intolerance asthma diabetes diabetic migraine medication medicine hospital illness sick injury injured pregnant surgery therapy disability disabled epilepsy blood pressure symptom")),
        ("food", Stems("vegetarian vegan pescatarian halal kosher gluten lactose dairy meat fish seafood shellfish nuts peanuts food foods eat eats eating diet meal meals cook cooking recipe recipes dish dishes cuisine restaurant coffee tea wine beer spicy sweet dessert breakfast lunch dinner")),
        ("work", Stems("job work works worked working career employer employee company office colleague colleagues boss manager engineer developer nurse teacher doctor lawyer accountant designer salary profession occupation startup client clients team business")),
        ("family", Stems("sister brother mother mom mum father dad parent parents wife husband son daughter kid kids child children partner family grandmother grandfather grandma grandpa aunt uncle cousin niece nephew fiance fiancee girlfriend boyfriend baby")),
        ("pets", Stems("dog dogs cat cats pet pets puppy kitten horse parrot hamster rabbit")),
        ("sport", Stems("marathon run running runner race training gym yoga swim swimming cycling bike football soccer tennis basketball hiking hike climbing ski skiing workout fitness")),
        ("travel", Stems("trip travel travelling traveling flight flights hotel vacation holiday abroad visit visiting itinerary passport airport")),
        ("education", Stems("study studies studying student university college school degree course courses class exam phd masters thesis learn learning")),
        ("hobbies", Stems("hobby paint painting draw drawing music guitar piano sing singing book books read reading novel game games gaming photography garden gardening knitting pottery film films movie movies")),
        ("home", Stems("live lives living home house apartment flat city town village neighbourhood neighborhood moved move born grew")),
    ];

    /// <summary>The best-fitting topic of <paramref name="text"/>, or null when no topic's words occur.</summary>
    public static string? Classify(string text)
    {
        string? best = null;
        var bestCount = 0;
        var stems = TextAnalyzer.Words(text).Select(TextAnalyzer.Stem).ToList();
        foreach (var (topic, set) in Topics)
        {
            var count = stems.Count(set.Contains);
            if (count > bestCount)
            {
                best = topic;
                bestCount = count;
            }
        }

        return best;
    }

    private static HashSet<string> Stems(string words)
        => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextAnalyzer.Stem), StringComparer.Ordinal);
}
