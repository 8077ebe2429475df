-- A conversation as schema version 3 stored it: a row per message, decision and feedback.
insert into conversation (id, desk, channel, address, open_key, customer_name, state, tier, identification, warnings,
                          opened_at, updated_at, last_message_at, version)
values ('c-rows', 'edoc', 'telegram', '100500', 'edoc|telegram|100500', 'Иван', 'ANSWERED', 'basic', '{"iin":"900101300123"}', 0,
        timestamp with time zone '2026-03-02 05:00:00+00', timestamp with time zone '2026-03-02 05:00:02+00',
        timestamp with time zone '2026-03-02 05:00:01+00', 3);
insert into conversation_message (id, conversation_id, seq_no, desk, channel, address, author_kind, author_id, author_name, body,
                                  actions, link, attachments, external_id, action_id, in_reply_to, sent_at)
values ('m-1', 'c-rows', 0, 'edoc', 'telegram', '100500', 'CUSTOMER', null, 'Иван', 'Как подписать документ?', '[]', null,
        '[{"name":"screen.png","mediaType":"image/png","size":12345,"storageRef":"tg-file-1"}]', 'tg-1', null, null,
        timestamp with time zone '2026-03-02 05:00:00+00'),
       ('m-2', 'c-rows', 1, 'edoc', 'telegram', '100500', 'BOT', null, 'Помощник', 'Как подписать документ',
        '[{"id":"helped","label":"Помогло"},{"id":"not-helped","label":"Не помогло"}]', 'https://edoc.kz/help/edoc-signing',
        '[]', null, null, 'm-1', timestamp with time zone '2026-03-02 05:00:01+00'),
       ('m-3', 'c-rows', 2, 'edoc', 'telegram', '100500', 'CUSTOMER', null, 'Иван', 'Помогло', '[]', null, '[]', 'tg-2',
        'helped', 'm-2', timestamp with time zone '2026-03-02 05:00:02+00');
insert into bot_decision (conversation_id, seq_no, message_id, decision_rule, reason, confidence, article, candidates, decided_at)
values ('c-rows', 0, 'm-1', 'HELP_CENTER_ANSWER', 'confidence 0.93', 0.93, 'edoc-signing', '["edoc-signing"]',
        timestamp with time zone '2026-03-02 05:00:01+00'),
       ('c-rows', 1, 'm-3', 'FEEDBACK_HELPED', 'ответ помог', null, null, '[]', timestamp with time zone '2026-03-02 05:00:02+00');
insert into answer_feedback (conversation_id, seq_no, answer_id, article, helped, given_at)
values ('c-rows', 0, 'm-2', 'edoc-signing', true, timestamp with time zone '2026-03-02 05:00:02+00');
