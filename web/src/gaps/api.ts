import { api, unwrap } from '../api/http';
import type { Gap, Page } from '../api/models';
import { useApiQuery } from '../api/queries';
import type { operations } from '../api/schema';

export type GapFilters = NonNullable<operations['GapsController_list']['parameters']['query']>;

export function useGaps(query: GapFilters = {}, enabled = true) {
  return useApiQuery(
    ['gaps', query],
    () => unwrap<Page<Gap>>(api.GET('/api/v1/gaps', { params: { query: { pageSize: 100, ...query } } })),
    enabled,
  );
}
