using System.Data.Common;
using System.Diagnostics;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bastion.IntegrationTests.Members;

/// <summary>
/// Counts the SQL commands EF Core executes against one test database, through EF's DiagnosticListener
/// (no change to the product's DbContext options). Other databases' commands (tests running in parallel) are ignored.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly (string DataSource, string Database) _target;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _commands = [];
    private readonly Lock _gate = new();
    private bool _counting;

    public SqlCommandCounter(TestDatabase database)
    {
        using (var db = database.NewContext())
        {
            var connection = db.Database.GetDbConnection();
            _target = (connection.DataSource, connection.Database);
        }
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands executed while <paramref name="action"/> ran.</summary>
    public async Task<IReadOnlyList<string>> CountAsync(Func<Task> action)
    {
        lock (_gate) { _commands.Clear(); _counting = true; }
        try { await action(); }
        finally { lock (_gate) _counting = false; }
        lock (_gate) return [.. _commands];
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_gate) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not CommandExecutedEventData data || !IsTarget(data.Command.Connection)) return;
        lock (_gate)
            if (_counting) _commands.Add(data.Command.CommandText);
    }

    private bool IsTarget(DbConnection? connection) =>
        connection is not null && connection.DataSource == _target.DataSource && connection.Database == _target.Database;

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_gate) foreach (var s in _subscriptions) s.Dispose();
    }
}
