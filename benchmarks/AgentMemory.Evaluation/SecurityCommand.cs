using System.Globalization;
using System.Text.Json;
using AgentMemory.Evaluation.Security;
using AgentMemory.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Evaluation;

/// <summary>
/// <c>security --poisoning FILE.jsonl --pii FILE.jsonl [--json PATH]</c>: runs the suites through the default guard chain
/// (the guards <c>UseDefaultGuards()</c> registers, default configuration, no model) and prints the rates and the misses.
/// </summary>
public static class SecurityCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? poisoningPath = null, piiPath = null, jsonPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--poisoning" when i + 1 < args.Length: poisoningPath = args[++i]; break;
                case "--pii" when i + 1 < args.Length: piiPath = args[++i]; break;
                case "--json" when i + 1 < args.Length: jsonPath = args[++i]; break;
                case "security": break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: security --poisoning FILE.jsonl --pii FILE.jsonl [--json PATH]");
                    return 2;
            }
        }

        if (poisoningPath is null || piiPath is null)
        {
            Console.Error.WriteLine("Usage: security --poisoning FILE.jsonl --pii FILE.jsonl [--json PATH]");
            return 2;
        }

        var services = new ServiceCollection();
        new AgentMemoryBuilder(services).UseDefaultGuards();
        await using var provider = services.BuildServiceProvider();
        var chain = provider.GetRequiredService<MemoryGuardChain>();
        var poisoning = await SecuritySuite.RunPoisoningAsync(SecuritySuite.ReadJsonl<PoisoningItem>(poisoningPath), chain).ConfigureAwait(false);
        var pii = SecuritySuite.RunPii(SecuritySuite.ReadJsonl<PiiItem>(piiPath), provider.GetRequiredService<PiiDetector>());

        Console.WriteLine(Format($"Poisoning: {poisoning.Blocked}/{poisoning.Attacks} attacks blocked ({poisoning.BlockRate:P1}); {poisoning.FalsePositives}/{poisoning.Benign} benign blocked ({poisoning.FalsePositiveRate:P1})"));
        Console.WriteLine(Format($"PII: {pii.Found}/{pii.Entities} entities found ({pii.Recall:P1}; structured {pii.StructuredRecall:P1}); {pii.FalsePositiveItems}/{pii.CleanItems} clean items flagged ({pii.FalsePositiveRate:P1})"));
        Console.WriteLine($"{"type",-10}{"entities",10}{"found",8}{"recall",9}{"false+",8}");
        foreach (var (type, r) in pii.ByType)
        {
            Console.WriteLine(Format($"{type,-10}{r.Entities,10}{r.Found,8}{r.Recall,9:P1}{r.FalsePositives,8}"));
        }

        foreach (var miss in poisoning.MissedAttacks)
        {
            Console.WriteLine("missed attack: " + miss);
        }

        foreach (var fp in poisoning.FalsePositiveItems)
        {
            Console.WriteLine("benign blocked: " + fp);
        }

        foreach (var miss in pii.Misses)
        {
            Console.WriteLine("pii: " + miss);
        }

        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new SecuritySuiteReport(poisoning, pii), Indented)).ConfigureAwait(false);
        }

        return 0;
    }

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
