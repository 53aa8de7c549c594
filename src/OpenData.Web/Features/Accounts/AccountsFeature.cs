using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Accounts;

public static class AccountsFeature
{
    private const string SmartScheme = "CookieOrToken";
    /// <summary>The claim Identity adds when a sign-in completed a second factor.</summary>
    public const string MfaClaim = "amr";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or personal token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "odp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, 401);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, 403);
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            o.OnRefreshingPrincipal = KeepSecondFactor;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin).RequireAssertion(ctx => HasSecondFactor(ctx.User)))
            .AddPolicy(Policies.Reviewer, p => p.RequireRole(Roles.Reviewer).RequireAssertion(ctx => HasSecondFactor(ctx.User)))
            .AddPolicy(Policies.Auditor, p => p.RequireRole(Roles.Auditor).RequireAssertion(ctx => HasSecondFactor(ctx.User)))
            .AddPolicy(Policies.BackOffice, p => p.RequireRole(Roles.BackOffice).RequireAssertion(ctx => HasSecondFactor(ctx.User)))
            .AddPolicy(Policies.Provider, p => p.RequireRole(Roles.Provider, Roles.Admin));
        services.AddCascadingAuthenticationState();

        services.AddSingleton<IdNumberProtector>();
        services.AddSingleton<PhoneNumberProtector>();
        services.AddScoped<IStartupSeeder, PhoneNumberEncryption>();
        services.AddMemoryCache();
        services.AddOptions<SignInThrottleOptions>().Bind(builder.Configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<Notifier>();
        services.AddScoped<AccountCommands>();
        services.AddScoped<AccountQueries>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<Authenticator>();
        services.AddScoped<IDemoSeeder, AccountDemoSeeder>();
        services.AddScoped<IStartupSeeder, AdminPasswordSeeder>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountEndpoints();
        return app;
    }

    /// <summary>Back-office roles must have signed in with a second factor (or use a personal token created after one).</summary>
    public static bool HasSecondFactor(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(MfaClaim, "mfa") || user.Identity?.AuthenticationType == BearerTokenHandler.SchemeName;

    /// <summary>
    /// The periodic security-stamp check rebuilds the principal from the database and would drop the "amr"
    /// claim, silently locking administrators out of admin pages after a few minutes: carry it over.
    /// </summary>
    public static Task KeepSecondFactor(SecurityStampRefreshingPrincipalContext ctx)
    {
        if (ctx.CurrentPrincipal?.FindFirst(MfaClaim) is { } amr && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity id
            && !id.HasClaim(MfaClaim, amr.Value))
            id.AddClaim(new System.Security.Claims.Claim(MfaClaim, amr.Value));
        return Task.CompletedTask;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
