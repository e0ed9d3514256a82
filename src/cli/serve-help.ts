/** `sysdb serve --help`, apart from serve.ts so that other commands do not load the server (net, http). */
export const SERVE_HELP = `Usage: sysdb serve [--bolt HOST:PORT] [--http HOST:PORT] [--data FILE]
                  [--initial-password PW] [--no-auth] [--log-level quiet|info|debug]
                  [--databases NAMES] [--max-connections N] [--max-message-bytes N]

Serves an in-memory Neo4j system database over Bolt, so that Neo4j's drivers and cypher-shell run
user administration against it, and with --http over Neo4j's HTTP Query API (POST /db/{db}/query/v2)
for curl and HTTP clients. It prints the URLs it listens on, and serves until SIGINT or SIGTERM.

  --bolt HOST:PORT         where to listen (default 127.0.0.1:7687, loopback only; port 0 picks a
                           free port; [::1]:7687 for IPv6, 0.0.0.0:7687 for every interface)
  --http HOST:PORT         also serve the HTTP Query API there, on the same database (:7474 is
                           loopback only, 0.0.0.0:7474 every interface; port 0 picks a free port)
  --data FILE              load the database from FILE if it exists (as sysdb run --save writes it),
                           and save it there atomically after every commit
  --initial-password PW    the password of neo4j in a new database, with no change required
                           (NEO4J_AUTH does the same without showing the password to ps)
  --no-auth                no authentication: every login is accepted
  --log-level LEVEL        quiet (default: warnings only), info (connections, failed logins), debug
  --databases NAMES        the databases clients may name, comma-separated (default neo4j; system
                           is always there), in a new database: --data keeps its file's own
  --max-connections N      connections served at once, on Bolt and on HTTP each (default 400); more
                           are closed at once
  --max-message-bytes N    the largest Bolt message or HTTP request body a client may send (default
                           16777216, 16 MiB)

Environment, as in Neo4j's Docker image (the options above win over it):
  NEO4J_AUTH=neo4j/PW      the password of neo4j in a new database, with no change required
  NEO4J_AUTH=neo4j/PW/true the same, but neo4j must change it at first login
  NEO4J_AUTH=none          no authentication
Without either, neo4j logs in with password neo4j and must change it first, as on a fresh Neo4j.

Exit status: 0 stopped by a signal, 2 bad usage, or the address or FILE cannot be used.
`;
