using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AgentMemory.Cli.Hosting;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer TOKEN</c> (compared in constant time); the caller then
/// counts as authenticated. Anything else gets 401 with <c>WWW-Authenticate: Bearer</c>.
/// </summary>
internal sealed class BearerTokenMiddleware
{
    private readonly RequestDelegate _next;
    private readonly byte[] _expected;

    public BearerTokenMiddleware(RequestDelegate next, string token)
    {
        _next = next;
        _expected = Encoding.UTF8.GetBytes("Bearer " + token);
    }

    public Task InvokeAsync(HttpContext context)
    {
        var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, _expected))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bearer")], "Bearer"));
        return _next(context);
    }
}
