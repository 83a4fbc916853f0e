using Panoptic.Core.Tests.Engine.Distributed;

namespace Panoptic.Core.Tests;

/// <summary>
/// Entry point of the test assembly when started as a program: <c>ddp-worker …</c> runs one rank of a data-parallel
/// training run (<see cref="DataParallelWorker"/>); anything else does nothing (the test runner loads the assembly
/// without calling this).
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args.Length > 0 && args[0] == DataParallelWorker.Verb ? DataParallelWorker.Run(args[1..]) : 0;
}
