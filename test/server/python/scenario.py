"""The official Python driver against `sysdb serve`: prints one JSON line of what it saw.

Usage: python scenario.py BOLT_URL PASSWORD
"""
import json
import sys

import neo4j
from neo4j.exceptions import AuthError, ClientError

url, password = sys.argv[1], sys.argv[2]
seen = {}

with neo4j.GraphDatabase.driver(url, auth=("neo4j", password)) as driver:
    driver.verify_connectivity()
    info = driver.get_server_info()
    seen["agent"] = info.agent
    seen["protocol"] = list(info.protocol_version)

    records, summary, keys = driver.execute_query("SHOW USERS", database_="system")
    seen["keys"] = keys
    seen["users"] = [dict(r) for r in records]
    seen["show_type"] = summary.query_type

    _, summary, _ = driver.execute_query("CREATE USER alice SET PASSWORD $p", p="alice-secret", database_="system")
    seen["create_type"] = summary.query_type
    seen["system_updates"] = summary.counters.system_updates

    records, _, _ = driver.execute_query(
        "SHOW USERS YIELD user RETURN count(*) AS n, 9007199254740993 AS big, $f AS f", f=7.0, database_="system"
    )
    seen["types"] = [type(records[0]["n"]).__name__, str(records[0]["big"]), type(records[0]["f"]).__name__]

    try:
        driver.execute_query("CREATE USER alice SET PASSWORD 'whatever-1'", database_="system")
    except ClientError as error:
        seen["exists"] = [type(error).__name__, error.code, error.message, error.gql_status]

    try:
        driver.execute_query("CREATE DATABASE foo", database_="system")
    except ClientError as error:
        seen["unsupported"] = [type(error).__name__, error.code]

    with driver.session(database="system") as session:
        with session.begin_transaction() as tx:
            tx.run("CREATE USER bob SET PASSWORD 'bob-secret'")
            tx.commit()
        seen["after_tx"] = session.execute_read(lambda tx: [r["user"] for r in tx.run("SHOW USERS YIELD user")])
        try:
            session.execute_read(lambda tx: tx.run("CREATE ROLE r").consume())
        except ClientError as error:
            seen["write_in_read"] = [error.code, error.message, error.gql_status]

    with driver.session(database="system", impersonated_user="alice") as session:
        seen["impersonated"] = [r["user"] for r in session.run("SHOW CURRENT USER YIELD user")]
    with driver.session(database="system", impersonated_user="neo4j") as session:
        try:
            session.run("CREATE ROLE r").consume()
        except ClientError as error:
            seen["impersonated_write"] = [error.code, error.message]

with neo4j.GraphDatabase.driver(url, auth=("neo4j", "wrong-password")) as wrong:
    try:
        wrong.verify_connectivity()
    except AuthError as error:
        seen["wrong_password"] = [type(error).__name__, error.code, error.message]

print(json.dumps(seen))
