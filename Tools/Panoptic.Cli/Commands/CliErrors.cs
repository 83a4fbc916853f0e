namespace Panoptic.Cli.Commands;

/// <summary>Raised for bad user input (exit code 2); the message is printed as is, without a stack trace.</summary>
public sealed class UserInputException(string message) : Exception(message);

/// <summary>Maps exceptions to the documented exit codes: 2 for bad input, 3 for a diverged training run, 1 for internal errors.</summary>
internal static class CliErrors
{
    public const int Ok = 0;
    public const int Internal = 1;
    public const int BadInput = 2;

    /// <summary><c>panoptic train</c>: a loss became NaN or infinite (the message has the iteration and the loss dict).</summary>
    public const int Diverged = 3;

    /// <summary><c>panoptic sweep</c>: some runs failed (each is listed with its log; the others are in the table).</summary>
    public const int RunsFailed = 4;

    /// <summary><c>panoptic train</c>: stopped by Ctrl+C after writing a checkpoint (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Panoptic.Core.Engine.TrainingDivergedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Diverged;
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
        || e.GetType().Name.EndsWith("DataException", StringComparison.Ordinal)
        || e.GetType().Name is "CheckpointException" or "CheckpointFormatException" or "StateDictException";
}
