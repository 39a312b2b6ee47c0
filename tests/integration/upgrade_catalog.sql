-- tests/integration/upgrade_catalog.sql — everything sahel_news puts into a
-- database, one line per fact, without OIDs, so that two databases' outputs
-- can be compared with diff (upgrade.sh: updated from 0.1 against a fresh
-- install).  Columns are compared by name: an update appends new columns,
-- where a fresh install may have them in the middle.
SET search_path = pg_catalog;
\pset format unaligned
\pset tuples_only on

CREATE TEMP TABLE members AS
SELECT d.classid, d.objid, d.objsubid,
       pg_describe_object(d.classid, d.objid, d.objsubid) AS what
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'sahel_news';

WITH facts(line) AS (
  -- the extension itself, and which tables pg_dump dumps with which filter
  SELECT 'extension ' || e.extname || ' version=' || e.extversion || ' schema=' || e.extnamespace::regnamespace
         || ' relocatable=' || e.extrelocatable
  FROM pg_extension e WHERE e.extname = 'sahel_news'
  UNION ALL
  SELECT 'config-dump ' || c.tab::regclass::text || ' ' || quote_literal(c.cond)
  FROM pg_extension e,
       unnest(e.extconfig, coalesce(e.extcondition, array_fill(''::text, array[cardinality(e.extconfig)]))) AS c(tab, cond)
  WHERE e.extname = 'sahel_news'
  -- every member object
  UNION ALL
  SELECT 'member ' || what FROM members
  -- schemas the extension uses: owner and privileges
  UNION ALL
  SELECT 'schema ' || n.nspname || ' owner=' || n.nspowner::regrole || ' acl=' || coalesce(n.nspacl::text, '-')
  FROM pg_namespace n WHERE n.nspname LIKE 'sahel_news%'
  UNION ALL
  SELECT 'default-acl ' || d.defaclrole::regrole || ' ' || coalesce(d.defaclnamespace::regnamespace::text, '-')
         || ' ' || d.defaclobjtype::text || ' ' || d.defaclacl::text
  FROM pg_default_acl d
  -- functions and procedures: the whole definition, owner and privileges
  UNION ALL
  SELECT 'function ' || p.oid::regprocedure || ' owner=' || p.proowner::regrole
         || ' acl=' || coalesce(p.proacl::text, '-') || E'\n'
         || CASE WHEN p.prokind = 'a' THEN
              'aggregate kind=' || a.aggkind::text || ' direct=' || a.aggnumdirectargs
              || ' trans=' || a.aggtransfn::regprocedure::text || ' final=' || a.aggfinalfn::text
              || ' combine=' || a.aggcombinefn::text || ' serial=' || a.aggserialfn::text
              || ' deserial=' || a.aggdeserialfn::text || ' mtrans=' || a.aggmtransfn::text
              || ' minv=' || a.aggminvtransfn::text || ' mfinal=' || a.aggmfinalfn::text
              || ' finalextra=' || a.aggfinalextra || ' finalmodify=' || a.aggfinalmodify::text
              || ' sortop=' || a.aggsortop::regoperator::text || ' stype=' || format_type(a.aggtranstype, NULL)
              || ' sspace=' || a.aggtransspace || ' init=' || coalesce(a.agginitval, '-')
              || ' parallel=' || p.proparallel::text || ' strict=' || p.proisstrict
            ELSE pg_get_functiondef(p.oid) || ' leakproof=' || p.proleakproof END
  FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
  LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
  -- relations: kind, persistence, options, owner, privileges, row security
  UNION ALL
  SELECT 'relation ' || c.oid::regclass || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text
         || ' options=' || coalesce(c.reloptions::text, '-') || ' owner=' || c.relowner::regrole
         || ' acl=' || coalesce(c.relacl::text, '-') || ' rls=' || c.relrowsecurity || '/' || c.relforcerowsecurity
         || ' replident=' || c.relreplident::text
  FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
  -- columns of those relations and of composite types, by name
  UNION ALL
  SELECT 'column ' || c.oid::regclass || '.' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
         || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
         || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
         || CASE WHEN a.attidentity <> '' THEN ' identity=' || a.attidentity::text ELSE '' END
         || CASE WHEN a.attgenerated <> '' THEN ' generated=' || a.attgenerated::text ELSE '' END
         || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                 THEN ' collate ' || a.attcollation::regcollation ELSE '' END
         || ' acl=' || coalesce(a.attacl::text, '-')
         || ' comment=' || coalesce(quote_literal(col_description(c.oid, a.attnum)), '-')
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
  WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass
                  UNION SELECT ty.typrelid FROM members m2 JOIN pg_type ty ON m2.classid = 'pg_type'::regclass
                                                              AND ty.oid = m2.objid AND ty.typrelid <> 0)
  -- constraints, indexes, triggers, policies, rules, view definitions, sequences
  UNION ALL
  SELECT 'constraint ' || co.conrelid::regclass || ' ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)
         || ' deferrable=' || co.condeferrable || '/' || co.condeferred
  FROM pg_constraint co JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = co.conrelid
  UNION ALL
  SELECT 'constraint ' || co.contypid::regtype || ' ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)
  FROM pg_constraint co JOIN members m ON m.classid = 'pg_type'::regclass AND m.objid = co.contypid
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' comment=' || coalesce(quote_literal(obj_description(i.indexrelid, 'pg_class')), '-')
  FROM pg_index i JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = i.indrelid
  UNION ALL
  SELECT 'trigger ' || pg_get_triggerdef(tg.oid) || ' enabled=' || tg.tgenabled::text
         || ' comment=' || coalesce(quote_literal(obj_description(tg.oid, 'pg_trigger')), '-')
  FROM pg_trigger tg JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = tg.tgrelid
  WHERE NOT tg.tgisinternal
  UNION ALL
  SELECT 'policy ' || po.polrelid::regclass || ' ' || quote_ident(po.polname) || ' cmd=' || po.polcmd::text
         || ' permissive=' || po.polpermissive
         || ' roles=' || (SELECT string_agg(CASE r WHEN 0 THEN 'public' ELSE r::regrole::text END, ',' ORDER BY 1)
                          FROM unnest(po.polroles) r)
         || ' using=' || coalesce(pg_get_expr(po.polqual, po.polrelid), '-')
         || ' check=' || coalesce(pg_get_expr(po.polwithcheck, po.polrelid), '-')
  FROM pg_policy po JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = po.polrelid
  UNION ALL
  SELECT 'rule ' || pg_get_ruledef(ru.oid)
  FROM pg_rewrite ru JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = ru.ev_class
  WHERE ru.rulename <> '_RETURN'
  UNION ALL
  SELECT 'view ' || c.oid::regclass || E'\n' || pg_get_viewdef(c.oid)
  FROM pg_class c JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
  WHERE c.relkind::text IN ('v', 'm')
  UNION ALL
  SELECT 'sequence ' || s.seqrelid::regclass || ' ' || format_type(s.seqtypid, NULL) || ' start=' || s.seqstart
         || ' inc=' || s.seqincrement || ' min=' || s.seqmin || ' max=' || s.seqmax || ' cache=' || s.seqcache
         || ' cycle=' || s.seqcycle
         || ' owned-by=' || coalesce((SELECT d.refobjid::regclass || '.' || a.attname
                                      FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                      WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
                                        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')), '-')
  FROM pg_sequence s JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = s.seqrelid
  -- types
  UNION ALL
  SELECT 'type ' || t.oid::regtype || ' type=' || t.typtype::text || ' len=' || t.typlen || ' byval=' || t.typbyval
         || ' align=' || t.typalign::text || ' storage=' || t.typstorage::text || ' category=' || t.typcategory::text
         || ' preferred=' || t.typispreferred || ' delim=' || t.typdelim::text
         || ' in=' || t.typinput::text || ' out=' || t.typoutput::text || ' recv=' || t.typreceive::text
         || ' send=' || t.typsend::text || ' modin=' || t.typmodin::text || ' modout=' || t.typmodout::text
         || ' analyze=' || t.typanalyze::text || ' subscript=' || t.typsubscript::text
         || ' elem=' || t.typelem::regtype || ' base=' || t.typbasetype::regtype
         || ' notnull=' || t.typnotnull || ' default=' || coalesce(t.typdefault, '-')
         || ' collation=' || t.typcollation || ' owner=' || t.typowner::regrole
         || ' acl=' || coalesce(t.typacl::text, '-')
  FROM pg_type t JOIN members m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
  UNION ALL
  SELECT 'enum ' || e.enumtypid::regtype || ' ' || e.enumsortorder || ' ' || e.enumlabel
  FROM pg_enum e JOIN members m ON m.classid = 'pg_type'::regclass AND m.objid = e.enumtypid
  -- operators, operator classes and families, casts
  UNION ALL
  SELECT 'operator ' || o.oid::regoperator || ' result=' || o.oprresult::regtype || ' code=' || o.oprcode::text
         || ' restrict=' || o.oprrest::text || ' join=' || o.oprjoin::text
         || ' commutator=' || o.oprcom::regoperator::text || ' negator=' || o.oprnegate::regoperator::text
         || ' merges=' || o.oprcanmerge || ' hashes=' || o.oprcanhash || ' owner=' || o.oprowner::regrole
  FROM pg_operator o JOIN members m ON m.classid = 'pg_operator'::regclass AND m.objid = o.oid
  UNION ALL
  SELECT 'opclass ' || pg_describe_object('pg_opclass'::regclass, oc.oid, 0) || ' type=' || oc.opcintype::regtype
         || ' default=' || oc.opcdefault || ' key=' || oc.opckeytype::regtype
         || ' family=' || pg_describe_object('pg_opfamily'::regclass, oc.opcfamily, 0)
  FROM pg_opclass oc JOIN members m ON m.classid = 'pg_opclass'::regclass AND m.objid = oc.oid
  UNION ALL
  SELECT 'amop ' || pg_describe_object('pg_amop'::regclass, ao.oid, 0) || ' purpose=' || ao.amoppurpose::text
         || ' sortfamily=' || coalesce(pg_describe_object('pg_opfamily'::regclass, nullif(ao.amopsortfamily, 0), 0), '-')
  FROM pg_amop ao
  WHERE ao.amopfamily IN (SELECT objid FROM members WHERE classid = 'pg_opfamily'::regclass
                          UNION SELECT opcfamily FROM pg_opclass WHERE oid IN (SELECT objid FROM members WHERE classid = 'pg_opclass'::regclass))
  UNION ALL
  SELECT 'amproc ' || pg_describe_object('pg_amproc'::regclass, ap.oid, 0)
  FROM pg_amproc ap
  WHERE ap.amprocfamily IN (SELECT objid FROM members WHERE classid = 'pg_opfamily'::regclass
                            UNION SELECT opcfamily FROM pg_opclass WHERE oid IN (SELECT objid FROM members WHERE classid = 'pg_opclass'::regclass))
  UNION ALL
  SELECT 'cast ' || pg_describe_object('pg_cast'::regclass, ca.oid, 0) || ' func=' || ca.castfunc::regprocedure::text
         || ' context=' || ca.castcontext::text || ' method=' || ca.castmethod::text
  FROM pg_cast ca JOIN members m ON m.classid = 'pg_cast'::regclass AND m.objid = ca.oid
  -- every comment on a member (columns are above)
  UNION ALL
  SELECT 'comment ' || m.what || ' ' || quote_literal(d.description)
  FROM members m JOIN pg_description d ON d.classoid = m.classid AND d.objoid = m.objid AND d.objsubid = 0
  UNION ALL
  SELECT 'comment ' || pg_describe_object('pg_namespace'::regclass, n.oid, 0) || ' ' || quote_literal(d.description)
  FROM pg_namespace n JOIN pg_description d ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid
  WHERE n.nspname LIKE 'sahel_news%'
  -- the privileges pg_dump takes as the extension's own (pg_init_privs)
  UNION ALL
  SELECT 'init-privs ' || pg_describe_object(ip.classoid, ip.objoid, ip.objsubid) || ' ' || ip.privtype::text
         || ' ' || ip.initprivs::text
  FROM pg_init_privs ip
  WHERE (ip.classoid, ip.objoid) IN (SELECT classid, objid FROM members)
     OR (ip.classoid = 'pg_namespace'::regclass
         AND ip.objoid IN (SELECT oid FROM pg_namespace WHERE nspname LIKE 'sahel_news%'))
)
SELECT line FROM facts ORDER BY line COLLATE "C";
