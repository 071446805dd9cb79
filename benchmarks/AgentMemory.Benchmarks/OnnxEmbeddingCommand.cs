using System.Diagnostics;
using System.Globalization;
using AgentMemory.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>onnx [--threads N] [--batch 32] [--queries 500] [--texts 512] [--repeat 3] [--warmup-seconds 3]</c>: the in-process
/// embedding model of AgentMemory.Onnx (all-MiniLM-L6-v2) as a host gets it from <c>UseLocalEmbeddings</c>. Prints the
/// model load time (first load in the process, ONNX Runtime's own start included), the resident memory before and after
/// the load, the latency of one 12-word query (p50/p95/p99 after warm-up, one call per query, as recall does it) and the
/// throughput of one call with many memory-like texts (batched, padded to each batch's longest). With <c>--threads 1</c>
/// ONNX Runtime computes on the calling thread, so the printed CPU time of that thread is the query's cost on an idle
/// core, a figure a shared, loaded machine does not distort.
/// </summary>
internal static class OnnxEmbeddingCommand
{
    private const string Query = "What did I tell you about my sister's food allergies last summer?";

    public static int Run(string[] args)
    {
        var options = new CommandArgs(args);
        var threads = options.Int("threads", 0);
        var batch = options.Int("batch", 32);
        var queryCount = options.Int("queries", 500);
        var textCount = options.Int("texts", 512);
        var repeat = Math.Max(1, options.Int("repeat", 3));
        var warmup = TimeSpan.FromSeconds(options.Double("warmup-seconds", 3));

        var services = new ServiceCollection();
        services.AddAgentMemory().UseInMemoryStore().UseLocalEmbeddings(o => { o.IntraOpThreads = threads; o.MaxBatchSize = batch; });
        using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryBuilder.ServiceKey);
        var onnx = generator.GetService<OnnxEmbeddingGenerator>()!;

        var rssBefore = Rss();
        var load = Stopwatch.StartNew();
        onnx.EnsureLoaded();
        load.Stop();
        var rssAfterLoad = Rss();

        var queryOptions = EmbeddingPurpose.CreateOptions(EmbeddingPurpose.Query);
        var until = Stopwatch.StartNew();
        while (until.Elapsed < warmup)
        {
            generator.GenerateAsync([Query], queryOptions).GetAwaiter().GetResult();
        }

        var latencies = new double[queryCount];
        var cpu = new double[queryCount];
        for (var i = 0; i < queryCount; i++)
        {
            var c = ThreadClock.Now();
            var t = Stopwatch.GetTimestamp();
            generator.GenerateAsync([Query], queryOptions).GetAwaiter().GetResult();
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            cpu[i] = (ThreadClock.Now() - c) * 1000;
        }

        Array.Sort(latencies);
        Array.Sort(cpu);
        var texts = Corpus(textCount);
        var tokens = texts.Sum(t => onnx.Tokenize(t).Length) / (double)texts.Length;
        generator.GenerateAsync(texts.Take(batch * 2)).GetAwaiter().GetResult();
        var rates = new List<double>();
        var cpuRates = new List<double>();
        for (var r = 0; r < repeat; r++)
        {
            var c = ThreadClock.Now();
            var t = Stopwatch.GetTimestamp();
            generator.GenerateAsync(texts).GetAwaiter().GetResult();
            rates.Add(texts.Length / Stopwatch.GetElapsedTime(t).TotalSeconds);
            cpuRates.Add(texts.Length / (ThreadClock.Now() - c));
        }

        var rssEnd = Rss();
        Console.WriteLine(FormattableString.Invariant($"load average: {LoadAverage()}; cpu: {Environment.ProcessorCount} logical, avx512f={System.Runtime.Intrinsics.X86.Avx512F.IsSupported}, intra-op threads={(threads == 0 ? "ORT default" : threads)}, batch={batch}"));
        Console.WriteLine(FormattableString.Invariant($"model load: {load.Elapsed.TotalMilliseconds:0} ms (first load in the process)"));
        Console.WriteLine(FormattableString.Invariant($"rss: {rssBefore / 1048576.0:0} MB before load, {rssAfterLoad / 1048576.0:0} MB after (+{(rssAfterLoad - rssBefore) / 1048576.0:0} MB), {rssEnd / 1048576.0:0} MB after the runs"));
        Console.WriteLine(FormattableString.Invariant($"query (12 words, {onnx.Tokenize(Query).Length} tokens), {queryCount} calls: p50 {Percentile(latencies, 0.50):0.00} ms, p95 {Percentile(latencies, 0.95):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms (wall); calling thread's CPU time p50 {Percentile(cpu, 0.50):0.00} ms (all of the work when --threads 1)"));
        Console.WriteLine(FormattableString.Invariant($"batched: {texts.Length} texts (mean {tokens:0.0} tokens) per call: {string.Join(", ", rates.Select(x => x.ToString("0", CultureInfo.InvariantCulture)))} texts/s (best {rates.Max():0}, wall); per second of the calling thread's CPU time: best {cpuRates.Max():0}"));
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Memory-like sentences of 6–30 words, deterministic.</summary>
    private static string[] Corpus(int count)
    {
        string[] subjects = ["The user", "My sister", "Our team", "The landlord", "My doctor", "The client", "Alice", "Bob's manager"];
        string[] verbs = ["prefers", "mentioned", "booked", "cancelled", "asked about", "is allergic to", "recommended", "forgot"];
        string[] objects = ["oat milk in coffee", "the flight to Lisbon on Friday", "a vegetarian restaurant near the office", "peanuts and tree nuts",
            "the quarterly budget review", "answers as short bullet points", "a 2015 Honda Civic", "the dentist appointment at 9 am",
            "hiking trails in the Alps", "the Python script that parses invoices"];
        string[] tails = ["", " last week", " because the previous one was too expensive", " and wants a reminder the day before",
            " when we talked about the holiday plans for next summer with the whole family", " again"];
        var random = new Random(7);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            texts[i] = $"{subjects[random.Next(subjects.Length)]} {verbs[random.Next(verbs.Length)]} {objects[random.Next(objects.Length)]}{tails[random.Next(tails.Length)]}.";
        }

        return texts;
    }
}
