using System.Net;

namespace AgentMemory.Cli.Hosting;

/// <summary>An HTTP listen URL and whether it reaches only this machine.</summary>
internal sealed record ListenAddress(string Url, bool IsLoopback)
{
    /// <summary>Parses <c>http://HOST:PORT</c>; wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and names other than localhost are not loopback.</summary>
    /// <exception cref="CliException">Not an http(s) URL.</exception>
    public static ListenAddress Parse(string url)
    {
        var probe = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--http needs a URL like http://127.0.0.1:5000 (got '{url}').");
        }

        if (uri.AbsolutePath is not ("/" or ""))
        {
            throw new CliException($"--http takes a base URL without a path (the endpoint is /mcp); got '{url}'.");
        }

        var host = uri.Host.Trim('[', ']');
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        return new ListenAddress(url.TrimEnd('/'), loopback);
    }
}
