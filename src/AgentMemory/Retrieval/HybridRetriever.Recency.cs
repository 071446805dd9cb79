using AgentMemory.Reconciliation;

namespace AgentMemory.Retrieval;

/// <summary>The tie rule of <see cref="HybridRetriever"/>: among memories about the same thing, the newer one goes first.</summary>
public sealed partial class HybridRetriever
{
    /// <summary>How many leading candidates the tie rule compares (pairwise, on their text only).</summary>
    private const int TieWindow = 12;

    /// <summary>
    /// Moves a newer memory to the score of (and, on equal scores, above) an older one about the same thing (they share a content term that is not a change
    /// cue) when its score is within <see cref="RetrievalOptions.NewerTieMargin"/> of the older one's, or within
    /// <see cref="RetrievalOptions.ChangeTieMargin"/> when the newer one states a change ("now", "no longer", …).
    /// <paramref name="scored"/> is sorted best first, and stays so.
    /// </summary>
    private static void NewerWinsTies(List<ScoredCandidate> scored, RetrievalOptions o)
    {
        var n = Math.Min(scored.Count, TieWindow);
        if (n < 2 || (o.NewerTieMargin <= 0 && o.ChangeTieMargin <= 0))
        {
            return;
        }

        var terms = new HashSet<string>?[n];
        var changed = false;
        for (var j = 1; j < n; j++)
        {
            var newer = scored[j];
            double? margin = null;
            for (var i = 0; i < j; i++)
            {
                var older = scored[i];
                if (older.Record.ValidFrom >= newer.Record.ValidFrom)
                {
                    continue;
                }

                margin ??= ChangeCues.SignalsChange(newer.Record.Text) ? Math.Max(o.ChangeTieMargin, o.NewerTieMargin) : o.NewerTieMargin;
                if (newer.Score < older.Score * (1 - margin.Value))
                {
                    continue;
                }

                terms[i] ??= ChangeCues.ContentTerms(older.Record.Text);
                terms[j] ??= ChangeCues.ContentTerms(newer.Record.Text);
                if (!terms[i]!.Overlaps(terms[j]!) || (newer.Score < older.Score * (1 - o.NewerTieMargin) && terms[j]!.IsSubsetOf(terms[i]!)))
                {
                    // Not about the same thing; or beyond a plain tie, a restatement that brings no new value.
                    continue;
                }

                // Equal scores: the sort below puts the newer first without touching its score.
                if (older.Score > newer.Score)
                {
                    scored[j] = newer with { Score = older.Score, Components = [.. newer.Components, new ScoreComponent("newer", older.Score - newer.Score, 1)] };
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
}
