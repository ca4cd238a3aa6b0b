using Microsoft.Extensions.Options;

namespace BorderSecurity.Api.Hosting;

/// <summary>
/// Runs the settings validations registered with <c>ValidateOnStart</c> (the signing key, issuer and audience) before
/// the service starts, so that a missing setting ends the process with one line naming it instead of a stack trace.
/// </summary>
public static class StartupSettings
{
    /// <summary>Whether the service is the process's own program (not hosted in another, such as a test host).</summary>
    public static bool IsTheProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupSettings).Assembly;

    /// <summary>The settings that are wrong, as one line naming each, or <see langword="null"/> if all are valid.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    public static string? Problem(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return $"BorderSecurity.Api did not start: {string.Join(" ", e.Failures)}";
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return $"BorderSecurity.Api did not start: {string.Join(" ", e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(i => i.Failures))}";
        }
    }
}
