select request::text from quote_versions where quote_id = :quoteId and version = :version
