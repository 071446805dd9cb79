using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace AgentMemory.Samples.Tests;

/// <summary>
/// Starts a sample's built output (<c>dotnet samples/&lt;Name&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;Name&gt;.dll</c>) in a
/// working directory of the test's own, with the model variables cleared so it runs offline.
/// </summary>
internal static class SampleProcess
{
    /// <summary>The longest a sample may run before it is killed: a safety net against a hang, not a measurement.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private static readonly string[] ModelVariables = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_CHAT_MODEL", "OPENAI_EMBEDDING_MODEL"];

    public static string DllOf(string sample)
    {
        var metadata = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentMemory.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("AgentMemory.sln not found above " + AppContext.BaseDirectory);
        }

        var dll = Path.Combine(directory.FullName, "samples", sample, "bin", metadata["SampleConfiguration"]!, metadata["SampleTargetFramework"]!, sample + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The sample is not built (the test project references it, so building the tests builds it).", dll);
    }

    public static ProcessStartInfo StartInfo(string sample, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllOf(sample));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in ModelVariables)
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>Runs <paramref name="sample"/> to its end, writing <paramref name="input"/> to its stdin and then closing it.</summary>
    public static async Task<SampleRun> RunAsync(string sample, string workingDirectory, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(sample, workingDirectory);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{sample} did not end within {Limit}. Output so far:\n{await output}");
        }

        return new SampleRun(process.ExitCode, await output, await error);
    }
}
