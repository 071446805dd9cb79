using System.Globalization;

namespace AgentMemory.Benchmarks;

/// <summary>Parses <c>--name value</c> pairs and bare <c>--flag</c>s.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public CommandArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[args[i][2..]] = hasValue ? args[++i] : null;
        }
    }

    public string? String(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => _values.ContainsKey(name);

    public string Required(string name) => String(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback)
        => String(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback)
        => String(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
