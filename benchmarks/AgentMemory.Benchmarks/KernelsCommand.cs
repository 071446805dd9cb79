using System.Globalization;
using System.Numerics.Tensors;
using AgentMemory.Vectors;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>kernels [--n 1000000] [--dim 384] [--passes 5]</c>: scores one query against n rows with each float kernel and
/// sums the same buffer, interleaved pass by pass and timed by this thread's CPU time (so the comparison holds on a
/// shared machine), and prints the median GB/s of each and its ratio to the sequential read.
/// </summary>
internal static class KernelsCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArgs(args);
        var n = options.Int("n", 1_000_000);
        var dimension = options.Int("dim", 384);
        var passes = options.Int("passes", 5);
        var random = new Random(3);
        var rows = new float[(long)n * dimension];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = random.NextSingle() - 0.5f;
        }

        var query = rows.AsSpan(0, dimension).ToArray();
        var scores = new float[n];
        var kernels = new (string Name, Action Run)[]
        {
            ("sequential read (Vector256 sum)", () => ReadBandwidth.SumOnce(rows)),
            ("TensorPrimitives.Sum", () => TensorPrimitives.Sum(rows)),
            ("TensorPrimitives.Dot per row", () =>
            {
                for (var row = 0; row < n; row++)
                {
                    scores[row] = TensorPrimitives.Dot(query, rows.AsSpan(row * dimension, dimension));
                }
            }),
            ("VectorKernels.DotRows (whole matrix)", () => VectorKernels.DotRows(query, rows, dimension, scores)),
            ("VectorKernels.DotRows in 64-row chunks", () =>
            {
                for (var row = 0; row < n; row += 64)
                {
                    var count = Math.Min(64, n - row);
                    VectorKernels.DotRows(query, rows.AsSpan(row * dimension, count * dimension), dimension, scores.AsSpan(row, count));
                }
            }),
            ("VectorKernels.DotBlock (the same floats read as 32-row blocks)", () =>
            {
                var block = BlockedRows.Rows * dimension;
                for (var row = 0; row + BlockedRows.Rows <= n; row += BlockedRows.Rows)
                {
                    VectorKernels.DotBlock(query, rows.AsSpan(row * dimension, block), scores.AsSpan(row, BlockedRows.Rows));
                }
            }),
        };
        var stride = Int8Kernels.Stride(dimension);
        var codes = new sbyte[(long)n * stride];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(codes.AsSpan()));
        codes.AsSpan().Replace(sbyte.MinValue, (sbyte)-127); // quantised codes lie in [-127, 127]
        var intScores = new int[n];
        var int8Scale = rows.Length * 4.0 / codes.Length;
        if (options.Flag("variants"))
        {
            var partition = new VectorPartition(dimension, new VectorPartitionOptions { ParallelThreshold = int.MaxValue }, n);
            for (var row = 0; row < n; row++)
            {
                partition.Upsert(ScanCommand.IdOf(row), rows.AsSpan(row * dimension, dimension));
            }

            var top = new VectorMatch[10];
            var int8 = new VectorPartition(dimension, new VectorPartitionOptions { Mode = VectorSearchMode.Int8, ParallelThreshold = int.MaxValue }, n);
            for (var row = 0; row < n; row++)
            {
                int8.Upsert(ScanCommand.IdOf(row), rows.AsSpan(row * dimension, dimension));
            }

            kernels = [.. kernels, ("Int8Kernels.DotRows in 64-row chunks (int8 GB/s)", () =>
            {
                for (var row = 0; row < n; row += 64)
                {
                    var count = Math.Min(64, n - row);
                    Int8Kernels.DotRows(codes.AsSpan(0, stride), codes.AsSpan(row * stride, count * stride), stride, intScores.AsSpan(row, count));
                }
            }), ("Int8BlockKernel.DotBlock, the same codes as 32-row blocks (int8 GB/s)", () =>
            {
                var prepared = new int[Int8BlockKernel.PreparedLength(stride)];
                Int8BlockKernel.Prepare(codes.AsSpan(0, stride), prepared);
                var blocks = System.Runtime.InteropServices.MemoryMarshal.Cast<sbyte, int>(codes.AsSpan());
                var block = BlockedRows.Rows * stride / 4;
                for (var row = 0; row + BlockedRows.Rows <= n; row += BlockedRows.Rows)
                {
                    Int8BlockKernel.DotBlock(prepared, blocks.Slice(row / BlockedRows.Rows * block, block), intScores.AsSpan(row, BlockedRows.Rows));
                }
            }), ("VectorPartition.Search (exact, k=10)", () => partition.Search(query, top)), ("VectorPartition.Search (int8, k=10; int8 GB/s)", () => int8.Search(query, top)), .. KernelVariants.Build(rows, query, scores, n, dimension), .. Int8Variants.Build(codes, n, stride, intScores)];
        }

        var results = kernels.Select(_ => new List<double>()).ToArray();
        for (var pass = -2; pass < passes; pass++)
        {
            for (var k = 0; k < kernels.Length; k++)
            {
                var start = ThreadClock.Now();
                kernels[k].Run();
                var seconds = ThreadClock.Now() - start;
                if (pass >= 0)
                {
                    results[k].Add(rows.Length * 4.0 / seconds / 1e9 / (kernels[k].Name.Contains("int8 GB/s", StringComparison.Ordinal) ? int8Scale : 1));
                }
            }
        }

        var read = Math.Max(Median(results[0]), Median(results[1]));
        for (var k = 0; k < kernels.Length; k++)
        {
            var gbps = Median(results[k]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kernels[k].Name,-42} {gbps,7:F2} GB/s  ratio {gbps / read:F3}"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
