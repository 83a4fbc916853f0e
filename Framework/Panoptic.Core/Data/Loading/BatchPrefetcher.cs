using System.Runtime.ExceptionServices;
using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Loading;

/// <summary>
/// Builds planned batches on background threads and hands them out in plan order. At most <c>capacity</c> batches
/// are planned but not yet taken (built, or being built), which bounds memory; a worker waits for the consumer
/// before starting another. A batch that fails to build is rethrown to the consumer when its turn comes, with its
/// original exception. Disposing stops the workers and frees every batch not handed out.
/// </summary>
internal sealed class BatchPrefetcher : IDisposable
{
    private readonly object _gate = new();
    private readonly IEnumerator<PlannedBatch> _plan;
    private readonly Func<PlannedBatch, DataBatch> _build;
    private readonly int _capacity;
    private readonly Dictionary<long, (DataBatch? Batch, ExceptionDispatchInfo? Error)> _done = [];
    private readonly Thread[] _workers;
    private long _planned;
    private long _taken;
    private long? _total;
    private bool _stopping;

    public BatchPrefetcher(IEnumerable<PlannedBatch> plan, Func<PlannedBatch, DataBatch> build, int workers, int capacity)
    {
        _plan = plan.GetEnumerator();
        _build = build;
        _capacity = capacity;
        _workers = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"panoptic-loader-{i}" };
            _workers[i].Start();
        }
    }

    /// <summary>The next batch in plan order; false once a finite plan is exhausted.</summary>
    public bool TryTake(out DataBatch batch)
    {
        (DataBatch? Batch, ExceptionDispatchInfo? Error) entry;
        lock (_gate)
        {
            while (!_done.ContainsKey(_taken))
            {
                if (_total is { } total && _taken >= total)
                {
                    batch = null!;
                    return false;
                }
                Monitor.Wait(_gate);
            }
            entry = _done[_taken];
            _done.Remove(_taken++);
            Monitor.PulseAll(_gate);
        }
        entry.Error?.Throw();
        batch = entry.Batch!;
        return true;
    }

    private void Work()
    {
        while (true)
        {
            PlannedBatch job;
            lock (_gate)
            {
                while (!_stopping && _total is null && _planned - _taken >= _capacity)
                    Monitor.Wait(_gate);
                if (_stopping || _total is not null)
                    return;
                if (!_plan.MoveNext())
                {
                    _total = _planned;
                    Monitor.PulseAll(_gate);
                    return;
                }
                job = _plan.Current;
                _planned++;
            }
            (DataBatch?, ExceptionDispatchInfo?) result;
            try
            {
                result = (_build(job), null);
            }
            catch (Exception e)
            {
                result = (null, ExceptionDispatchInfo.Capture(e));
            }
            lock (_gate)
            {
                if (_stopping)
                {
                    result.Item1?.Dispose();
                    return;
                }
                _done[job.Sequence] = result;
                Monitor.PulseAll(_gate);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var worker in _workers)
            worker.Join();
        foreach (var (batch, _) in _done.Values)
            batch?.Dispose();
        _done.Clear();
        _plan.Dispose();
    }
}
