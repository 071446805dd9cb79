using System.ComponentModel.DataAnnotations;

namespace AgentMemory;

/// <summary>Options for recall: candidate search, fusion, weighting and diversification.</summary>
/// <remarks>
/// The final score of a hit is its fused relevance (in [0, 1]) multiplied by a freshness, an importance, a kind, a time
/// and a speaker factor; see the README's retrieval section. The defaults were chosen on principle (standard RRF k,
/// mild priors), not by sweeping a benchmark.
/// </remarks>
public sealed class RetrievalOptions
{
    /// <summary>How many hits a recall returns by default.</summary>
    [Range(1, 10_000)]
    public int TopK { get; set; } = 8;

    /// <summary>Hits scoring below this are dropped.</summary>
    [Range(0.0, 100.0)]
    public double MinScore { get; set; }

    /// <summary>How many candidates each store search (vector and lexical) returns at least.</summary>
    [Range(1, 10_000)]
    public int CandidateLimit { get; set; } = 50;

    /// <summary>Vector candidates at or below this cosine similarity are ignored (orthogonal means no evidence).</summary>
    [Range(-1.0, 1.0)]
    public double MinVectorSimilarity { get; set; }

    /// <summary>How vector and lexical candidate lists are fused: weighted scores (the measured default) or, for evaluation, reciprocal ranks.</summary>
    internal FusionMode Fusion { get; set; } = FusionMode.WeightedScore;

    /// <summary>The k of reciprocal-rank fusion (a candidate at rank r contributes weight / (k + r)); 60 is the standard value.</summary>
    internal double RrfK { get; set; } = 60;

    /// <summary>The weight of the vector (embedding) candidate list in fusion.</summary>
    [Range(0.0, 100.0)]
    public double VectorWeight { get; set; } = 1.0;

    /// <summary>
    /// The weight of the vector list instead of <see cref="VectorWeight"/> when the embeddings come from the built-in
    /// offline hashing generator (<see cref="Embeddings.LocalEmbeddingGenerator"/>). Its features are the same words
    /// BM25 already scores (plus noisier bigrams and trigrams), so by default it is not fused (0): the query is still
    /// embedded for procedural surfacing and duplicate removal. Set it above 0 to fuse it anyway.
    /// </summary>
    [Range(0.0, 100.0)]
    public double HashingVectorWeight { get; set; }

    /// <summary>The weight of the lexical (BM25) candidate list in fusion.</summary>
    [Range(0.0, 100.0)]
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>
    /// How much a lexical match's fused score depends on the share of the query's analyzed terms the memory contains
    /// (weighted-score fusion): its score relative to the list's best is multiplied by (1 − w) + w·coverage. 0 keeps the
    /// rank-only normalisation, where the best lexical match scores 1 even when it shares one word of a long question.
    /// Off by default (0): at 1 it lifted paraphrase recall with all-MiniLM-L6-v2 (dev top-3 direct 92.3 → 94.6) but cost
    /// LoCoMo dev R@10 4.7 points, whose keyword questions are answered by turns that share only part of the question.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LexicalCoverageWeight { get; set; }

    /// <summary>The weight of the lists found for expanded queries (recent conversation, expanders), relative to the query's own.</summary>
    [Range(0.0, 100.0)]
    public double ExpansionWeight { get; set; } = 0.5;

    /// <summary>
    /// How many feedback terms a second lexical search adds to the query (pseudo-relevance feedback): words that the
    /// best-ranked memories of the first search share and the rest of its candidates lack. It runs only when the query's
    /// vector list is searched (a real embedding model: its best matches bring words the query lacks); lexical-only, its
    /// best memories already share the query's words. Default 8; 0 turns the second search off (one store search less).
    /// </summary>
    [Range(0, 32)]
    public int FeedbackTerms { get; set; } = 8;

    /// <summary>How many of the first search's best memories of each list (vector, lexical) the feedback terms are read from. Default 3.</summary>
    [Range(1, 20)]
    public int FeedbackDocuments { get; set; } = 3;

    /// <summary>The weight of the feedback search's lexical list, relative to the query's own. Default 0.75.</summary>
    [Range(0.0, 100.0)]
    public double FeedbackWeight { get; set; } = 0.75;

    /// <summary>The half-life of freshness: a memory this old (since its event or last change) gets half the freshness factor.</summary>
    public TimeSpan FreshnessHalfLife { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How much freshness can move a score: the factor is (1 − w) + w·0.5^(age / half-life). 0 disables it.</summary>
    [Range(0.0, 1.0)]
    public double FreshnessWeight { get; set; } = 0.1;

    /// <summary>How much importance can move a score: the factor is 1 + w·(importance − 0.5). 0 disables it.</summary>
    [Range(0.0, 2.0)]
    public double ImportanceWeight { get; set; } = 0.2;

    /// <summary>A multiplier per memory kind (a missing kind counts 1).</summary>
    public Dictionary<MemoryKind, double> KindWeights { get; set; } = new()
    {
        [MemoryKind.Episodic] = 1.0,
        [MemoryKind.Semantic] = 1.0,
        [MemoryKind.Procedural] = 1.0,
    };

    /// <summary>
    /// A multiplier per memory source (a missing source counts 1). By default what the assistant said counts 0.9: when
    /// the assistant echoes a user's statement ("I'll suggest dairy-free options"), the user's own words rank first.
    /// </summary>
    public Dictionary<MemorySource, double> SourceWeights { get; set; } = new()
    {
        [MemorySource.Assistant] = 0.9,
    };

    /// <summary>Whether questions naming a time ("last week", "in May", "when did …") shape the ranking.</summary>
    public bool TimeAware { get; set; } = true;

    /// <summary>The multiplier for memories whose event time falls in the window a question names ("last week").</summary>
    [Range(1.0, 10.0)]
    public double TimeWindowBoost { get; set; } = 1.5;

    /// <summary>The multiplier for dated episodic memories when the question asks "when …".</summary>
    [Range(1.0, 10.0)]
    public double WhenQuestionBoost { get; set; } = 1.1;

    /// <summary>The multiplier for memories spoken by (or about) a person the question names ("What did Caroline …").</summary>
    [Range(1.0, 10.0)]
    public double SpeakerBoost { get; set; } = 1.15;

    /// <summary>
    /// The multiplier for memories that mention an entity (a person, place, organisation or product) the question names
    /// ("Where does Aisha work?"); not applied on top of <see cref="SpeakerBoost"/> for the same memory. 1 (the default)
    /// turns it off: at 1.1 it cost LoCoMo dev evidence recall 1.3 points at 5 (66.9 → 65.6), where most names are the
    /// dialogue's own speakers, mentioned in many turns that are not the evidence.
    /// </summary>
    [Range(1.0, 10.0)]
    public double EntityBoost { get; set; } = 1.0;

    /// <summary>Whether procedural memories whose topic matches the request's task type are surfaced even without shared words.</summary>
    public bool SurfaceProcedural { get; set; } = true;

    /// <summary>At most this many procedural memories are surfaced by task type per recall.</summary>
    [Range(0, 100)]
    public int MaxSurfacedProcedural { get; set; } = 2;

    /// <summary>Extra procedural topics per task type ("coding" → ["dotnet"]), added to <see cref="Retrieval.TaskTypeClassifier"/>'s table.</summary>
    public Dictionary<string, string[]> TaskTypeTopics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How near-duplicates are removed from the hits: by <see cref="DuplicateThreshold"/> (default) or, for evaluation, by MMR.</summary>
    internal DiversityMode Diversity { get; set; } = DiversityMode.DuplicateThreshold;

    /// <summary>Hits whose embeddings (or, without embeddings, term sets) are at least this similar to a better hit are dropped.</summary>
    [Range(0.0, 1.0)]
    public double DuplicateThreshold { get; set; } = 0.95;

    /// <summary>The λ of maximal marginal relevance: 1 ranks by relevance only, lower values favour diversity.</summary>
    internal double MmrLambda { get; set; } = 0.7;

    /// <summary>
    /// Among memories about the same thing (sharing a content term), a newer one whose score is within this fraction of an
    /// older one's goes first (0 turns the rule off).
    /// </summary>
    [Range(0.0, 1.0)]
    public double NewerTieMargin { get; set; } = 0.02;

    /// <summary>
    /// As <see cref="NewerTieMargin"/>, for a newer memory that states a change ("now", "no longer", "moved", "my new …"):
    /// the user said the older one is out of date, so a wider gap still counts as a tie.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ChangeTieMargin { get; set; } = 0.35;

    /// <summary>
    /// When the user's newer statement says that what an older memory holds changed (a change cue or another number, about
    /// the same thing — see <see cref="SameThingSimilarity"/>), the older memory's score is multiplied by this, so what is
    /// true now leads and the outdated value drops (1 turns the rule off; it needs embeddings, and does not apply to
    /// "when …?" questions or to <see cref="RecallRequest.AsOf"/>). Default 0.5.
    /// </summary>
    [Range(0.0, 1.0)]
    public double StalePenalty { get; set; } = 0.5;

    /// <summary>The cosine at which two memories sharing a content term are about the same thing, for <see cref="StalePenalty"/>; default 0.4.</summary>
    [Range(0.0, 1.0)]
    public double SameThingSimilarity { get; set; } = 0.4;

    /// <summary>The cosine at which two memories are about the same thing whatever their words, for <see cref="StalePenalty"/>; default 0.6.</summary>
    [Range(0.0, 1.0)]
    public double SameThingStrongSimilarity { get; set; } = 0.6;
}
