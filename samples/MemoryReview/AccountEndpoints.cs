using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MemoryReview;

/// <summary>Sign-in, sign-out and "who am I" for the demo accounts.</summary>
internal static class AccountEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/login", async (LoginRequest request, HttpContext http, MemoryReviewOptions settings) =>
        {
            var user = settings.Users.FirstOrDefault(u => string.Equals(u.Name, request.User, StringComparison.Ordinal));
            if (user is null || !FixedTimeEquals(user.Password, request.Password ?? string.Empty))
            {
                return Results.Unauthorized();
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Name), new Claim(ClaimTypes.Name, user.Name)], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
            return Results.Ok(new { user = user.Name });
        });
        app.MapPost("/api/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Ok();
        });
        app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Ok(new { user = user.FindFirstValue(ClaimTypes.NameIdentifier) })).RequireAuthorization();
    }

    private static bool FixedTimeEquals(string expected, string actual)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(actual)));

    internal sealed record LoginRequest(string? User, string? Password);
}
