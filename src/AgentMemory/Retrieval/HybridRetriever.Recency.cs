using AgentMemory.Extraction;
using AgentMemory.Reconciliation;

namespace AgentMemory.Retrieval;

/// <summary>The tie rule of <see cref="HybridRetriever"/>: among memories about the same thing, the newer one goes first.</summary>
internal sealed partial class HybridRetriever
{
    /// <summary>How many leading candidates the tie rule compares (pairwise, on their text only).</summary>
    private const int TieWindow = 12;

    /// <summary>
    /// Moves a newer memory to the score of (and, on equal scores, above) an older one about the same thing (they share a
    /// content term that is not a change cue) when its score is within <see cref="RetrievalOptions.NewerTieMargin"/> of the
    /// older one's, or within <see cref="RetrievalOptions.ChangeTieMargin"/> when the newer one states a change ("now", "no
    /// longer", …). Beyond any margin, a newer statement by the user that the thing changed — a change cue or another
    /// number — about the same thing (a shared content term with embeddings at least
    /// <see cref="RetrievalOptions.SameThingSimilarity"/> alike, or embeddings at least
    /// <see cref="RetrievalOptions.SameThingStrongSimilarity"/> alike) makes the older memory out of date: the newer one
    /// goes first and the older one's score is multiplied by <see cref="RetrievalOptions.StalePenalty"/>.
    /// <paramref name="scored"/> is sorted best first, and stays so.
    /// </summary>
    private static void NewerWinsTies(List<ScoredCandidate> scored, RetrievalOptions o)
    {
        var n = Math.Min(scored.Count, TieWindow);
        if (n < 2 || (o.NewerTieMargin <= 0 && o.ChangeTieMargin <= 0 && o.StalePenalty >= 1))
        {
            return;
        }

        var terms = new HashSet<string>?[n];
        var stale = new bool[n];
        var changed = false;
        for (var j = 1; j < n; j++)
        {
            var newer = scored[j];
            bool? cue = null;
            for (var i = 0; i < j; i++)
            {
                var older = scored[i];
                if (older.Record.ValidFrom >= newer.Record.ValidFrom)
                {
                    continue;
                }

                cue ??= ChangeCues.SignalsChange(SpeakerPrefix.Strip(newer.Record));
                if (!stale[i] && o.StalePenalty < 1 && Comparable(newer.Record, older.Record)
                    && States(newer.Record, older.Record, cue.Value, terms[j] ??= ChangeCues.ContentTerms(SpeakerPrefix.Strip(newer.Record)), terms[i] ??= ChangeCues.ContentTerms(SpeakerPrefix.Strip(older.Record)), o))
                {
                    // The user said it changed: the newer statement leads, the older one is out of date.
                    stale[i] = true;
                    var lead = Math.Max(newer.Score, older.Score);
                    scored[j] = newer = newer with { Score = lead, Components = [.. newer.Components, new ScoreComponent("newer", lead - newer.Score, 1)] };
                    scored[i] = older with { Score = older.Score * o.StalePenalty, Components = [.. older.Components, new ScoreComponent("out-of-date", o.StalePenalty, older.Score * (o.StalePenalty - 1))] };
                    changed = true;
                    continue;
                }

                var margin = cue.Value ? Math.Max(o.ChangeTieMargin, o.NewerTieMargin) : o.NewerTieMargin;
                if (stale[i] || newer.Score < older.Score * (1 - margin))
                {
                    continue;
                }

                terms[i] ??= ChangeCues.ContentTerms(SpeakerPrefix.Strip(older.Record));
                terms[j] ??= ChangeCues.ContentTerms(SpeakerPrefix.Strip(newer.Record));
                if (!terms[i]!.Overlaps(terms[j]!) || (newer.Score < older.Score * (1 - o.NewerTieMargin) && terms[j]!.IsSubsetOf(terms[i]!)))
                {
                    // Not about the same thing; or beyond a plain tie, a restatement that brings no new value.
                    continue;
                }

                // Equal scores: the sort below puts the newer first without touching its score.
                if (older.Score > newer.Score)
                {
                    scored[j] = newer = newer with { Score = older.Score, Components = [.. newer.Components, new ScoreComponent("newer", older.Score - newer.Score, 1)] };
                }

                changed = true;
                break;
            }
        }

        if (changed)
        {
            scored.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score)
                : a.Record.ValidFrom != b.Record.ValidFrom ? b.Record.ValidFrom.CompareTo(a.Record.ValidFrom)
                : a.Record.Id.CompareTo(b.Record.Id));
        }
    }

    /// <summary>
    /// Whether <paramref name="newer"/>, the user's own statement, says that what <paramref name="older"/> holds changed:
    /// it signals a change (or gives another number), brings a term the older one lacks, and is about the same thing.
    /// </summary>
    private static bool States(MemoryRecord newer, MemoryRecord older, bool cue, HashSet<string> newTerms, HashSet<string> oldTerms, RetrievalOptions o)
    {
        if (!(cue || ChangeCues.GivesAnotherNumber(SpeakerPrefix.Strip(newer), SpeakerPrefix.Strip(older))) || newTerms.IsSubsetOf(oldTerms))
        {
            return false;
        }

        var a = older.Embedding.Span;
        var b = newer.Embedding.Span;
        var cosine = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
        return cosine >= o.SameThingStrongSimilarity || (cosine >= o.SameThingSimilarity && newTerms.Overlaps(oldTerms));
    }

    /// <summary>
    /// Whether the out-of-date rule may compare the two at all (cheap checks first): both are the assistant's user's own —
    /// in a recorded dialogue between named people (the speaker is a name) "now" and "new" mostly tell events, not that a
    /// fact changed (LoCoMo dev: R@5 −6 points without this) — and both have embeddings of one length (without embeddings
    /// only the margins apply).
    /// </summary>
    private static bool Comparable(MemoryRecord newer, MemoryRecord older)
        => SpeakerPrefix.IsChatUser(newer.Provenance) && SpeakerPrefix.IsChatUser(older.Provenance)
            && !older.Embedding.IsEmpty && older.Embedding.Length == newer.Embedding.Length;
}
