namespace Panoptic.Cli.Commands.Training;

/// <summary>
/// Ctrl+C for training commands: the first press cancels <see cref="Token"/> (training stops after the current
/// iteration, with a checkpoint); a second one ends the process as usual.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CtrlC() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _source.Token;

    public bool Pressed => _source.IsCancellationRequested;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = !_source.IsCancellationRequested;
        _source.Cancel();
    }
}
