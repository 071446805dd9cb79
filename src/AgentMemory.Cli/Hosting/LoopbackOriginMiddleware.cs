using System.Net;
using Microsoft.AspNetCore.Http;

namespace AgentMemory.Cli.Hosting;

/// <summary>
/// Refuses browser requests from a web page on another origin (403), which would otherwise reach a loopback server
/// (DNS rebinding, cross-site requests). Requests without an Origin header (MCP clients, curl) pass.
/// </summary>
internal sealed class LoopbackOriginMiddleware
{
    private readonly RequestDelegate _next;

    public LoopbackOriginMiddleware(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsLoopback(origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return _next(context);
    }

    private static bool IsLoopback(string origin)
        => Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
