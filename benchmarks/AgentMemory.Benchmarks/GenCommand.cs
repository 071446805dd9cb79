using System.Globalization;
using System.Numerics.Tensors;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>gen --kind clustered|uniform --base FILE --queries FILE [--n 1000000] [--query-count 200] [--dim 384]
/// [--centres 1000] [--noise 0.6] [--seed 42]</c>: writes normalised test vectors as raw float32 rows.
/// Clustered: each row is a random gaussian centre plus gaussian noise of relative norm <c>noise</c>; queries are
/// drawn the same way (from the same centres). Uniform: every component uniform in [-1, 1].
/// </summary>
internal static class GenCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArgs(args);
        var kind = options.String("kind") ?? "clustered";
        var dimension = options.Int("dim", 384);
        var n = options.Int("n", 1_000_000);
        var queryCount = options.Int("query-count", 200);
        var centres = options.Int("centres", 1_000);
        var noise = (float)options.Double("noise", 0.6);
        var random = new Random(options.Int("seed", 42));
        Func<Random, float[], Span<float>, bool> next = kind switch
        {
            "clustered" => Clustered(random, centres, dimension, noise),
            "uniform" => static (r, _, row) => Uniform(r, row),
            _ => throw new ArgumentException($"Unknown --kind '{kind}' (clustered or uniform)."),
        };

        Write(options.Required("base"), n, dimension, random, next);
        Write(options.Required("queries"), queryCount, dimension, random, next);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {kind}: {n} base rows and {queryCount} queries of {dimension} floats"));
        return 0;
    }

    private static void Write(string path, int rows, int dimension, Random random, Func<Random, float[], Span<float>, bool> next)
    {
        const int BlockRows = 4_096;
        var block = new float[BlockRows * dimension];
        var scratch = new float[dimension];
        using var stream = File.Create(path);
        for (var start = 0; start < rows; start += BlockRows)
        {
            var count = Math.Min(BlockRows, rows - start);
            for (var i = 0; i < count; i++)
            {
                var row = block.AsSpan(i * dimension, dimension);
                next(random, scratch, row);
                TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row);
            }

            RawVectors.Write(stream, block.AsSpan(0, count * dimension));
        }
    }

    private static bool Uniform(Random random, Span<float> row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = (random.NextSingle() * 2f) - 1f;
        }

        return true;
    }

    private static Func<Random, float[], Span<float>, bool> Clustered(Random random, int centres, int dimension, float noise)
    {
        var table = new float[centres * dimension];
        for (var c = 0; c < centres; c++)
        {
            var centre = table.AsSpan(c * dimension, dimension);
            Gaussian(random, centre);
            TensorPrimitives.Divide(centre, TensorPrimitives.Norm(centre), centre);
        }

        return (r, scratch, row) =>
        {
            var c = r.Next(centres);
            Gaussian(r, scratch);
            TensorPrimitives.Multiply(scratch, noise / TensorPrimitives.Norm(scratch), scratch);
            TensorPrimitives.Add(table.AsSpan(c * dimension, dimension), scratch, row);
            return true;
        };
    }

    private static void Gaussian(Random random, Span<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // Box–Muller; 1 - u keeps the logarithm finite.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            values[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
        }
    }
}
