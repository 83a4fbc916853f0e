namespace Panoptic.Cli.Commands;

/// <summary>Raised for bad user input (exit code 2); the message is printed as is, without a stack trace.</summary>
public sealed class UserInputException(string message) : Exception(message);

/// <summary>Maps exceptions to the documented exit codes: 2 for bad input, 1 for internal errors.</summary>
internal static class CliErrors
{
    public const int Ok = 0;
    public const int Internal = 1;
    public const int BadInput = 2;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error: {e}");
            return Internal;
        }
    }

    /// <summary>Exceptions that describe bad input (config, files, arguments) rather than a bug.</summary>
    public static bool IsUserError(Exception e) =>
        e is UserInputException or FileNotFoundException or DirectoryNotFoundException
        || e.GetType().Name.EndsWith("ConfigException", StringComparison.Ordinal)
        || e.GetType().Name.EndsWith("PluginException", StringComparison.Ordinal)
        || e.GetType().Name.EndsWith("DataException", StringComparison.Ordinal);
}
