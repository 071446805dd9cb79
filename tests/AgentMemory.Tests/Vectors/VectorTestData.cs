using AgentMemory.Vectors;

namespace AgentMemory.Tests.Vectors;

/// <summary>Seeded test vectors and a plain scalar top-k reference.</summary>
internal static class VectorTestData
{
    public static float[] Gaussian(Random random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            var u = 1.0 - random.NextDouble();
            values[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        }

        return values;
    }

    public static float[] Uniform(Random random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (random.NextSingle() * 2f) - 1f;
        }

        return values;
    }

    /// <summary>Rows around <paramref name="centres"/> gaussian centres with relative noise, like the benchmark's clustered set.</summary>
    public static float[][] Clustered(Random random, int rows, int dimension, int centres, float noise)
    {
        var table = Enumerable.Range(0, centres).Select(_ => VectorMath.Normalize(Gaussian(random, dimension))).ToArray();
        return Enumerable.Range(0, rows).Select(_ =>
        {
            var centre = table[random.Next(centres)];
            var offset = VectorMath.Normalize(Gaussian(random, dimension));
            return centre.Zip(offset, (c, o) => c + (noise * o)).ToArray();
        }).ToArray();
    }

    public static Guid IdOf(int row) => new(row, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Scalar reference: every row's dot with the query, best first (score desc, then id asc).</summary>
    public static List<VectorMatch> Reference(IReadOnlyDictionary<Guid, float[]> rows, float[] query)
    {
        var normalisedQuery = query;
        return rows
            .Select(pair => new VectorMatch(pair.Key, VectorKernels.DotScalar(VectorMath.Normalize(pair.Value), normalisedQuery)))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Id)
            .ToList();
    }

    /// <summary>
    /// Asserts <paramref name="actual"/> is a correct top-k against the reference: right count, sorted, every score equal
    /// to its reference score within a tolerance, and no reference row missing unless it ties (within the tolerance).
    /// </summary>
    public static void ShouldMatchReference(ReadOnlySpan<VectorMatch> actual, List<VectorMatch> reference, int k, float tolerance = 1e-5f)
    {
        var expectedCount = Math.Min(k, reference.Count);
        if (actual.Length != expectedCount)
        {
            throw new Xunit.Sdk.XunitException($"Expected {expectedCount} results, got {actual.Length}.");
        }

        var byId = reference.ToDictionary(m => m.Id, m => m.Score);
        for (var i = 0; i < actual.Length; i++)
        {
            if (Math.Abs(byId[actual[i].Id] - actual[i].Score) > tolerance)
            {
                throw new Xunit.Sdk.XunitException($"Result {i} scored {actual[i].Score}, reference {byId[actual[i].Id]}.");
            }

            if (i > 0 && !TopKCollector.IsBetter(actual[i - 1], actual[i]))
            {
                throw new Xunit.Sdk.XunitException($"Results {i - 1} and {i} are out of order.");
            }
        }

        if (expectedCount > 0)
        {
            var cutoff = reference[expectedCount - 1].Score;
            var returned = actual.ToArray().Select(m => m.Id).ToHashSet();
            var missing = reference.Take(expectedCount).Where(m => !returned.Contains(m.Id) && m.Score > cutoff + tolerance).ToList();
            if (missing.Count > 0)
            {
                throw new Xunit.Sdk.XunitException($"{missing.Count} rows of the reference top-{k} are missing.");
            }
        }
    }
}
