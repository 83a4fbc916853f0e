using System.Diagnostics;

namespace Panoptic.Core.Tests.Engine.Support;

/// <summary>Runs a Python 3 script (Debian's <c>python3</c>) when one is installed.</summary>
internal static class Python
{
    /// <summary>The script's standard output, or null when <c>python3</c> is not on the PATH.</summary>
    /// <exception cref="InvalidOperationException">The script failed (its standard error is in the message).</exception>
    public static string? Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        using (process)
        {
            process.StandardInput.Write(script);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {error}");
            return output.Result;
        }
    }
}
