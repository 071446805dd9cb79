using System.Numerics.Tensors;
using AgentMemory.Vectors;
using BenchmarkDotNet.Attributes;

namespace AgentMemory.Benchmarks;

/// <summary>Scoring 16,384 rows of 384 floats (24 MiB, beyond L2/L3 reuse): scalar reference vs SIMD kernels.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int Dimension = 384;
    private const int Rows = 16_384;
    private float[] _rows = [];
    private float[] _query = [];
    private float[] _scores = [];
    private sbyte[] _codes = [];
    private sbyte[] _queryCodes = [];
    private int[] _intScores = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _rows = Enumerable.Range(0, Rows * Dimension).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _query = Enumerable.Range(0, Dimension).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _scores = new float[Rows];
        _intScores = new int[Rows];
        _codes = new sbyte[Rows * Dimension];
        for (var row = 0; row < Rows; row++)
        {
            Int8Kernels.Quantize(_rows.AsSpan(row * Dimension, Dimension), _codes.AsSpan(row * Dimension, Dimension));
        }

        _queryCodes = new sbyte[Dimension];
        Int8Kernels.Quantize(_query, _queryCodes);
    }

    [Benchmark(Baseline = true)]
    public void ScalarReference()
    {
        for (var row = 0; row < Rows; row++)
        {
            _scores[row] = VectorKernels.DotScalar(_query, _rows.AsSpan(row * Dimension, Dimension));
        }
    }

    [Benchmark]
    public void TensorPrimitivesDotPerRow()
    {
        for (var row = 0; row < Rows; row++)
        {
            _scores[row] = TensorPrimitives.Dot(_query, _rows.AsSpan(row * Dimension, Dimension));
        }
    }

    [Benchmark]
    public void BlockedDotRows() => VectorKernels.DotRows(_query, _rows, Dimension, _scores);

    [Benchmark]
    public void Int8DotRows() => Int8Kernels.DotRows(_queryCodes, _codes, Dimension, _intScores);

    [Benchmark]
    public void Int8ScalarReference()
    {
        for (var row = 0; row < Rows; row++)
        {
            _intScores[row] = Int8Kernels.DotScalar(_queryCodes, _codes.AsSpan(row * Dimension, Dimension));
        }
    }
}
