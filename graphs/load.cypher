// Loads nodes.csv and relationships.csv (put them in Neo4j's import folder).
// The same graph as `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`.
CREATE CONSTRAINT govgraph_id IF NOT EXISTS FOR (n:GovGraph) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (n:GovGraph {id: row.`id:ID`})
SET n.name = row.name,
    n.aliases = CASE WHEN row.`aliases:string[]` IS NULL THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.date = date(row.`date:date`),
    n.end_date = date(row.`end_date:date`),
    n.roles = CASE WHEN row.`roles:string[]` IS NULL THEN null ELSE split(row.`roles:string[]`, ';') END,
    n.city = row.city,
    n.province = row.province,
    n.code = row.code,
    n.evidence = row.evidence,
    n.title = row.title,
    n.url = row.url,
    n.source = row.source,
    n.file = row.file,
    n.pinyin = row.pinyin,
    n.ambiguous = toBoolean(row.`ambiguous:boolean`),
    n.first_seen = date(row.`first_seen:date`),
    n.last_seen = date(row.`last_seen:date`),
    n.stages = CASE WHEN row.`stages:string[]` IS NULL THEN null ELSE split(row.`stages:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Person;GovGraph'
MATCH (n:GovGraph {id: row.`id:ID`})
SET n:Person;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'District;GovGraph'
MATCH (n:GovGraph {id: row.`id:ID`})
SET n:District;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Event;GovGraph'
MATCH (n:GovGraph {id: row.`id:ID`})
SET n:Event;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Project;GovGraph'
MATCH (n:GovGraph {id: row.`id:ID`})
SET n:Project;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Organization;GovGraph'
MATCH (n:GovGraph {id: row.`id:ID`})
SET n:Organization;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Place;GovGraph'
MATCH (n:GovGraph {id: row.`id:ID`})
SET n:Place;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
WITH row WHERE row.`:LABEL` = 'Document;GovGraph'
MATCH (n:GovGraph {id: row.`id:ID`})
SET n:Document;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'HOLDS_POST'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:HOLDS_POST {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.start = date(row.`start:date`),
    r.end = date(row.`end:date`),
    r.acting = toBoolean(row.`acting:boolean`),
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'CHAIRED'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:CHAIRED {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'ATTENDED'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:ATTENDED {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'HELD_IN'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:HELD_IN {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'LOCATED_IN'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:LOCATED_IN {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'CONCERNS'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:CONCERNS {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'INVOLVES'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:INVOLVES {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'APPOINTED'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:APPOINTED {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.change = row.change,
    r.body = row.body,
    r.evidence = row.evidence;

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'REMOVED'
MATCH (a:GovGraph {id: row.`:START_ID`}), (b:GovGraph {id: row.`:END_ID`})
MERGE (a)-[r:REMOVED {key: row.key}]->(b)
SET r.title = row.title,
    r.date = date(row.`date:date`),
    r.first_seen = date(row.`first_seen:date`),
    r.last_seen = date(row.`last_seen:date`),
    r.change = row.change,
    r.body = row.body,
    r.evidence = row.evidence;
