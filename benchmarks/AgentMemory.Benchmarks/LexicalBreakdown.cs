using AgentMemory.Lexical;

namespace AgentMemory.Benchmarks;

/// <summary>
/// A stopwatch breakdown of a BM25 query in the index's first layout (Guid-keyed dictionaries for postings, lengths and
/// scores, a full LINQ sort), kept as the baseline, timed per phase, next to the real <see cref="Bm25Index.Search"/>
/// (dense slots, pooled score array, bounded heap) on the same texts, plus how many postings and documents a query touches.
/// </summary>
internal sealed class LexicalBreakdown
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, Dictionary<Guid, int>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string[]> _documents = [];
    private readonly Bm25Index _index = new();
    private long _totalLength;

    public LexicalBreakdown(IReadOnlyList<(Guid Id, string Text)> documents)
    {
        foreach (var (id, text) in documents)
        {
            _index.Upsert(id, text);
            var terms = TextAnalyzer.Default.Analyze(text).ToArray();
            _documents[id] = terms;
            _totalLength += terms.Length;
            foreach (var term in terms)
            {
                if (!_postings.TryGetValue(term, out var docs))
                {
                    docs = [];
                    _postings[term] = docs;
                }

                docs[id] = docs.TryGetValue(id, out var tf) ? tf + 1 : 1;
            }
        }
    }

    /// <summary>Per-query medians (ms of thread CPU) of each phase, the real Search, and touched postings/documents.</summary>
    public Result Measure(IReadOnlyList<string> queries, int warmup, int runs, int limit)
    {
        for (var i = 0; i < warmup; i++)
        {
            Once(queries[i % queries.Count], limit);
            _index.Search(queries[i % queries.Count], limit);
        }

        var analyze = new double[runs];
        var accumulate = new double[runs];
        var rank = new double[runs];
        var real = new double[runs];
        long postings = 0;
        long matched = 0;
        for (var i = 0; i < runs; i++)
        {
            var query = queries[(warmup + i) % queries.Count];
            var phases = Once(query, limit);
            analyze[i] = phases.Analyze;
            accumulate[i] = phases.Accumulate;
            rank[i] = phases.Rank;
            postings += phases.Postings;
            matched += phases.Matched;
            var t = ThreadClock.Now();
            _index.Search(query, limit);
            real[i] = (ThreadClock.Now() - t) * 1e3;
        }

        return new Result(Median(analyze), Median(accumulate), Median(rank), Median(real), (double)postings / runs, (double)matched / runs, _postings.Count);
    }

    private (double Analyze, double Accumulate, double Rank, long Postings, int Matched) Once(string query, int limit)
    {
        var t0 = ThreadClock.Now();
        var queryTerms = TextAnalyzer.Default.Analyze(query).Distinct().ToArray();
        var t1 = ThreadClock.Now();
        var n = _documents.Count;
        var avgLength = Math.Max(1.0, (double)_totalLength / n);
        var scores = new Dictionary<Guid, double>();
        long touched = 0;
        foreach (var term in queryTerms)
        {
            if (!_postings.TryGetValue(term, out var docs))
            {
                continue;
            }

            touched += docs.Count;
            var idf = Math.Log(1 + ((n - docs.Count + 0.5) / (docs.Count + 0.5)));
            foreach (var (id, tf) in docs)
            {
                var length = _documents[id].Length;
                var score = idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * length / avgLength))));
                scores[id] = scores.TryGetValue(id, out var s) ? s + score : score;
            }
        }

        var t2 = ThreadClock.Now();
        var top = scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(limit).Select(p => new LexicalMatch(p.Key, p.Value)).ToList();
        var t3 = ThreadClock.Now();
        GC.KeepAlive(top);
        return ((t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, touched, scores.Count);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }

    /// <summary>Medians in ms; postings and matched documents are per-query means; terms is the index's vocabulary.</summary>
    internal readonly record struct Result(double AnalyzeMs, double AccumulateMs, double RankMs, double RealSearchMs, double Postings, double Matched, int Terms);
}
